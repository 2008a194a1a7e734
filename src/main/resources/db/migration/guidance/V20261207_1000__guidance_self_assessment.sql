-- The career-planning self-assessments a signed-in person saved, each with its date, so that the
-- person (and a counsellor they share SELF_ASSESSMENTS with) sees change over time. The answers are
-- kept by statement id, and the area scores as computed when saved, so that the history stays as
-- it was even if the statements are later reworded. Personal data: exported and deleted with the
-- account.
CREATE TABLE guidance_self_assessment (
    id           uuid PRIMARY KEY,
    person_id    uuid NOT NULL,
    version      text NOT NULL CHECK (version IN ('QUICK', 'FULL')),
    completed_at timestamptz NOT NULL,
    saved_at     timestamptz NOT NULL,
    answers      jsonb NOT NULL,
    scores       jsonb NOT NULL
);
CREATE INDEX guidance_self_assessment_person ON guidance_self_assessment (person_id, completed_at);
