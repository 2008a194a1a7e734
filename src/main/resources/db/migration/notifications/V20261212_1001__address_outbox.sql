-- Mail to an address that belongs to no person Osaava knows yet (a team invitation,
-- docs/notifications.md "For other modules"). The row lives only until the mail is sent.
create table nt_address_outbox (
  id uuid primary key,
  email text not null,
  language text not null,
  titles jsonb not null,
  texts jsonb not null,
  link text,
  idempotency_key text not null unique,
  created_at timestamptz not null default now()
);
