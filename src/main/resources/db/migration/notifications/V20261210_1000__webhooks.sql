-- Webhooks (docs/notifications.md#webhooks): a person's saved search delivered to their
-- organisation's system as signed HTTP posts (Standard Webhooks), through an outbox with retries.

create table nt_webhook (
  id uuid primary key,
  person_id uuid not null,
  saved_search_id uuid not null references nt_saved_search (id) on delete cascade,
  url text not null,
  -- whsec_ + base64 of 32 random bytes; the HMAC key, so kept as is (shown to the owner once)
  secret text not null,
  -- the secret before the last rotation, still signed with until previous_secret_until
  previous_secret text,
  previous_secret_until timestamptz,
  enabled boolean not null default true,
  -- failed attempts since the last success; a delivery that gives up with this at the attempt
  -- limit disables the subscription
  consecutive_failures integer not null default 0,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);
create index nt_webhook_person on nt_webhook (person_id, created_at);
create index nt_webhook_search on nt_webhook (saved_search_id) where enabled;

-- The outbox and the delivery log in one: a row per event and subscription, written in the same
-- transaction as the alert. Its id is the webhook-id header, the same on every attempt.
create table nt_webhook_delivery (
  id uuid primary key,
  webhook_id uuid not null references nt_webhook (id) on delete cascade,
  -- unique per event: 'match:<subscription>:<offering>' or 'test:<uuid>'
  event_key text not null unique,
  event_type text not null,
  payload text not null,
  -- PENDING, DELIVERED or FAILED (gave up)
  status text not null,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_attempt_at timestamptz,
  response_code integer,
  -- why the last attempt failed, or the first characters of the response body; never more
  outcome text,
  created_at timestamptz not null
);
create index nt_webhook_delivery_due on nt_webhook_delivery (next_attempt_at) where status = 'PENDING';
create index nt_webhook_delivery_log on nt_webhook_delivery (webhook_id, created_at desc);
