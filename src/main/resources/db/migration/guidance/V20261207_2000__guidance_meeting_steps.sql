-- A meeting is a step of the plan with its day in due_on: the client sees it, accepts or declines
-- it like any step, and the caseload's "next meeting" is the earliest coming one not declined.
-- Kept in the plan rather than in a table of its own so that it is under the PLANS consent, in
-- the client's export and deleted with the account like every other step.
ALTER TABLE guidance_step DROP CONSTRAINT guidance_step_kind_check;
ALTER TABLE guidance_step ADD CONSTRAINT guidance_step_kind_check
    CHECK (kind IN ('OFFERING', 'SERVICE', 'TASK', 'MEETING'));
