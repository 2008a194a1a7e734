-- Issue 18, section 5: a forum event's waiting list. A registration beyond the capacity is kept
-- with waiting = true. The queue's order is "arrival", a number drawn when the registration is
-- stored: registered_at alone cannot order it (two registrations may share an instant).
-- A cancellation (or a larger capacity) gives the freed place to the first in the queue.
alter table ri_forum_registration add column waiting boolean not null default false;
alter table ri_forum_registration add column arrival bigint generated always as identity;

create index ri_forum_registration_queue on ri_forum_registration (event_id, waiting, arrival);
