-- Issue 18, section 5: a forum event cancelled by its organisers, with the reason they gave and the
-- language they wrote it in (fi, sv, en or no), so that the pages can mark the text's language.
-- A cancelled event stays (its page and calendar file say it is cancelled); it takes no
-- registrations and its waiting list is emptied.
alter table ri_forum_event add column cancelled_at timestamptz;
alter table ri_forum_event add column cancel_reason text;
alter table ri_forum_event add column cancel_language text;
alter table ri_forum_event add constraint ri_forum_event_cancellation check (
  (cancelled_at is null and cancel_reason is null and cancel_language is null)
  or (cancelled_at is not null and cancel_reason is not null
      and cancel_language in ('fi', 'sv', 'en', 'no')));
