-- A file that travels with one mail (docs/notifications.md "Attachments"), such as a forum
-- event's calendar file: kept with the outbox row, so that a mail sent after a restart still has
-- it, and only until the mail is sent (a person's row is kept, its file cleared; an address's row
-- is deleted). At most 256 KiB (MailAttachment.MAX_BYTES); a name, a type and bytes, or none.
alter table nt_outbox
  add column attachment_name text,
  add column attachment_media_type text,
  add column attachment_content bytea,
  add constraint nt_outbox_attachment check (
    (attachment_name is null) = (attachment_media_type is null)
    and (attachment_name is null) = (attachment_content is null)
    and coalesce(octet_length(attachment_content), 0) <= 262144);

alter table nt_address_outbox
  add column attachment_name text,
  add column attachment_media_type text,
  add column attachment_content bytea,
  add constraint nt_address_outbox_attachment check (
    (attachment_name is null) = (attachment_media_type is null)
    and (attachment_name is null) = (attachment_content is null)
    and coalesce(octet_length(attachment_content), 0) <= 262144);
