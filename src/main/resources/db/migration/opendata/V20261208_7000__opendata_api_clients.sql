-- API clients and their usage (module opendata, docs/open-data.md).

-- Organisations' API clients as an administrator registered them. The client id is the one the
-- authorisation server issues credentials under (the token's client_id, azp or sub claim); the
-- credentials themselves stay with the authorisation server.
create table od_api_client (
  client_id           text primary key,
  name                text not null,
  organisation        text not null,
  contact_email       text not null,
  requests_per_minute integer not null check (requests_per_minute between 1 and 100000),
  registered_by       text not null,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);

-- Requests per client and day (Europe/Helsinki), added up in memory and written in batches.
-- Anonymous callers count under the one client id 'anonymous': their addresses are not stored.
create table od_api_usage (
  client_id text not null,
  day       date not null,
  requests  bigint not null default 0,
  refused   bigint not null default 0,
  primary key (client_id, day)
);
create index od_api_usage_day on od_api_usage (day);
