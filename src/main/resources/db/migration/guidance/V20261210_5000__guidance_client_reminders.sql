-- Reminders to the client (through the notifications module): a proposed step still awaiting
-- their answer, a task coming due and a task overdue, each once per step and window. A row is
-- written when the window is handled, also when nothing was sent (the consent no longer covered
-- plans, or the client had turned reminders off), so that the hourly job neither scans it again
-- nor sends it later. Goes with the step.
CREATE TABLE guidance_client_reminder (
    step_id    uuid NOT NULL REFERENCES guidance_step (id) ON DELETE CASCADE,
    reminder   text NOT NULL CHECK (reminder IN ('ANSWER', 'DUE', 'OVERDUE')),
    handled_at timestamptz NOT NULL,
    sent       boolean NOT NULL,
    PRIMARY KEY (step_id, reminder)
);
-- The open steps the job looks at: proposals by age, tasks by due date.
CREATE INDEX guidance_step_open_proposal ON guidance_step (created_at) WHERE status = 'PROPOSED';
CREATE INDEX guidance_step_open_task ON guidance_step (due_on)
    WHERE kind = 'TASK' AND status IN ('PROPOSED', 'ACCEPTED');

-- A client who turned reminders off (the default is on). Personal data: exported, deleted with
-- the account.
CREATE TABLE guidance_client_setting (
    person_id  uuid PRIMARY KEY,
    reminders  boolean NOT NULL,
    changed_at timestamptz NOT NULL
);
