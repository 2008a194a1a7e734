-- Notifications (docs/notifications.md): saved searches, a person's e-mail choice, the inbox and the
-- outbox of mails still to send. Person ids are the profile's; the module keeps its own copy of the
-- e-mail address a person gives here and nothing else about them.

create table nt_saved_search (
  id uuid primary key,
  person_id uuid not null,
  -- the catalogue searched: 'education'
  kind text not null,
  -- the words searched for, as typed
  words text not null,
  -- the facet choices, as the search page's query string (level=…&region=…)
  facets text not null,
  created_at timestamptz not null default now()
);
create index nt_saved_search_person on nt_saved_search (person_id);
create index nt_saved_search_kind on nt_saved_search (kind);

create table nt_recipient (
  person_id uuid primary key,
  email text,
  -- OFF, IMMEDIATE, DAILY or WEEKLY
  frequency text not null,
  language text not null,
  -- 32 random bytes, base64url: the one-click unsubscribe link's only credential
  unsubscribe_token text not null unique,
  last_digest_at timestamptz
);

create table nt_inbox (
  id uuid primary key,
  person_id uuid not null,
  -- unique per message: 'search:<saved search>:<item>' or the sender's key
  idempotency_key text not null unique,
  saved_search_id uuid references nt_saved_search (id) on delete set null,
  titles jsonb not null,
  texts jsonb not null,
  link text,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index nt_inbox_person on nt_inbox (person_id, created_at desc);

-- One row per inbox message that is to be mailed, written in the same transaction as the message.
create table nt_outbox (
  inbox_id uuid primary key references nt_inbox (id) on delete cascade,
  person_id uuid not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index nt_outbox_pending on nt_outbox (person_id) where sent_at is null;

-- ShedLock's JDBC lock table: the outbox and digest jobs run on one node of a cluster at a time.
create table if not exists shedlock (
  name varchar(64) primary key,
  lock_until timestamptz not null,
  locked_at timestamptz not null,
  locked_by varchar(255) not null
);
