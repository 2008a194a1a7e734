-- Issue 18, section 5: registration to a forum event without an account, and the day-before
-- reminder. A guest's registration is a row of ri_forum_registration like a signed-in person's,
-- under a person_id drawn at random (no person has it), so places, the waiting list and its order
-- are the same for both. The guest's name is for the organisers only (the public page shows
-- shown_name, only if the guest chose to show it). The e-mail address (for the confirmation, a
-- place from the queue, a change, a cancellation and the reminder), the mail's language, the
-- guest's name and the hash of the cancellation link are deleted once the event has ended
-- (ForumReminders); the organisation stays, as it does for a signed-in participant.
-- reminded_at marks the day-before reminder of any registrant, so that it goes once.
alter table ri_forum_registration
    add column guest            boolean not null default false,
    add column guest_name       text,
    add column guest_email      text,
    add column guest_language   text check (guest_language in ('fi', 'sv', 'en', 'no')),
    add column cancel_token_hash text unique,
    add column reminded_at      timestamptz;

-- One registration per address and event.
create unique index ri_forum_registration_guest_email
    on ri_forum_registration (event_id, lower(guest_email)) where guest_email is not null;
