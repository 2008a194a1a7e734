-- The open-data change feed (module opendata, docs/open-data.md): offerings, services and ESCO
-- versions, as the owning modules announced them in their events.

-- The last position handed out. Each transaction that records changes updates this one row, so
-- its lock orders the writers: a position becomes visible only after every smaller one has
-- committed, and positions have no gaps. A consumer that polls with the last position it saw
-- therefore never misses an entry that commits later with a smaller one.
create table od_feed_head (
  id            boolean primary key default true check (id),
  last_position bigint not null
);
insert into od_feed_head (id, last_position) values (true, 0);

create table od_feed_entry (
  position    bigint primary key,
  kind        text not null check (kind in ('offering', 'service', 'taxonomy')),
  action      text not null check (action in ('published', 'updated', 'withdrawn', 'released')),
  subject     text not null,
  title_fi    text,
  title_sv    text,
  title_en    text,
  occurred_at timestamptz not null default now()
);
create index od_feed_entry_kind on od_feed_entry (kind, position);
