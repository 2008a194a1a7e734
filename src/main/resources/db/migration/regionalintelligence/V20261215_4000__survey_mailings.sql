-- Invitations and reminders by e-mail (issue 18). The contact's language picks the mail's language
-- (null until the first mail: then the language of the owner's page, kept for the later mails).
-- A row of ri_contact_mail records one mail handed to the notifications module's outbox; it holds
-- no address, and it goes with its contact when the survey closes, so nothing of the company is
-- kept after. The number makes each mail's idempotency key (0 the invitation, 1, 2, ... the
-- reminders): the same mail is never queued twice.
alter table ri_contact add column language text check (language in ('fi', 'sv', 'en'));

create table ri_contact_mail (
    response_id  uuid not null references ri_contact (response_id) on delete cascade,
    kind         text not null check (kind in ('INVITATION', 'REMINDER')),
    number       int not null check (number >= 0),
    queued_at    timestamptz not null default now(),
    primary key (response_id, kind, number)
);
