-- Job ads in the open-data change feed (docs/open-data.md): a fourth kind, and a lookup by subject,
-- with which the feed tells an ad's first appearance (published) from a later change (updated).
alter table od_feed_entry drop constraint od_feed_entry_kind_check;
alter table od_feed_entry add constraint od_feed_entry_kind_check
  check (kind in ('offering', 'service', 'taxonomy', 'job-ad'));
create index od_feed_entry_subject on od_feed_entry (kind, subject);
