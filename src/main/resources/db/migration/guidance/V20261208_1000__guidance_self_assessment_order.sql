-- Two self-assessments may carry the same completion instant (a fixed clock, or two saves within
-- the clock's resolution). The history shows the change from one to the next, so its order must
-- be the order they were saved in, not a tie broken by a random id.
ALTER TABLE guidance_self_assessment ADD COLUMN saved_order bigint GENERATED ALWAYS AS IDENTITY;
DROP INDEX guidance_self_assessment_person;
CREATE INDEX guidance_self_assessment_person
    ON guidance_self_assessment (person_id, completed_at, saved_order);
