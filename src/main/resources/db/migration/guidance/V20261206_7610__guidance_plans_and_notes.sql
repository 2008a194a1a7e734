-- What a counsellor and a client work on together, under the client's consent to the PLANS part:
-- steps the counsellor proposes (an offering, a service or a task, with a due date for tasks)
-- which the client accepts or declines, the client's comments, and meeting notes kept private to
-- the organisation or shared with the client. Keyed by the client and the organisation, so that a
-- renewed consent continues the same plan. Personal data of the client: exported (all but private
-- notes) and deleted with the account (private notes included).
CREATE TABLE guidance_step (
    id              uuid PRIMARY KEY,
    client_id       uuid NOT NULL,
    organisation_id text NOT NULL,
    author_id       uuid NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('OFFERING', 'SERVICE', 'TASK')),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    detail          text NOT NULL DEFAULT '',
    due_on          date,
    status          text NOT NULL DEFAULT 'PROPOSED'
                    CHECK (status IN ('PROPOSED', 'ACCEPTED', 'DECLINED', 'DONE')),
    created_at      timestamptz NOT NULL,
    decided_at      timestamptz
);
CREATE INDEX guidance_step_client ON guidance_step (client_id, organisation_id);

CREATE TABLE guidance_note (
    id              uuid PRIMARY KEY,
    client_id       uuid NOT NULL,
    organisation_id text NOT NULL,
    author_id       uuid NOT NULL,
    body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    shared          boolean NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX guidance_note_client ON guidance_note (client_id, organisation_id);

CREATE TABLE guidance_comment (
    id              uuid PRIMARY KEY,
    client_id       uuid NOT NULL,
    organisation_id text NOT NULL,
    body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_at      timestamptz NOT NULL
);
CREATE INDEX guidance_comment_client ON guidance_comment (client_id, organisation_id);
