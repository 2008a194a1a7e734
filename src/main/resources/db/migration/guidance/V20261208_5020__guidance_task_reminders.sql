-- When the counsellor was reminded by e-mail (through the notifications module) of a task coming
-- due: once per task. Set also when there was nobody to remind (the consent had ended, or the
-- counsellor had been removed), so that the hourly job does not scan such tasks again.
ALTER TABLE guidance_step ADD COLUMN reminded_at timestamptz;
CREATE INDEX guidance_step_reminder ON guidance_step (due_on)
    WHERE kind = 'TASK' AND status IN ('PROPOSED', 'ACCEPTED') AND reminded_at IS NULL;
