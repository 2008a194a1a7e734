-- Automatic reminders of a survey (issue 18): the owner turns them on with the days between two
-- mails to one company and the most reminders a company gets in all (those sent from the page
-- count too). Null: off. The scheduled job (SurveyReminderSchedule) sends them through the same
-- SurveyMailings.remind as the page, so the once-per-interval rule and the idempotency keys hold.
alter table ri_survey
    add column auto_remind_days int check (auto_remind_days between 1 and 60),
    add column auto_remind_max  int check (auto_remind_max between 1 and 5),
    add constraint ri_survey_auto_remind_both
        check ((auto_remind_days is null) = (auto_remind_max is null));
