-- A survey's closing date (issue 18): optional, set by the owner. The survey takes answers until the
-- end of that day in Helsinki time; SurveyReminderSchedule then closes it as the owner's button does
-- (contacts deleted, queued mails withdrawn). A CLOSING mail is the one reminder a company that has
-- not answered gets a configured number of days before the closing date (number 0: once per
-- invitation, so its idempotency key never repeats).
alter table ri_survey add column closes_on date;

alter table ri_contact_mail drop constraint ri_contact_mail_kind_check;
alter table ri_contact_mail
    add constraint ri_contact_mail_kind_check check (kind in ('INVITATION', 'REMINDER', 'CLOSING'));
