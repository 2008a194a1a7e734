-- Spring Modulith's event publication registry (spring-modulith-events-jdbc, schema v2): one row
-- per event and @ApplicationModuleListener, written in the publishing transaction and completed
-- when the listener succeeds. A listener that failed, or a process that died before it ran, leaves
-- its row incomplete; the service resubmits those at start
-- (spring.modulith.events.republish-outstanding-events-on-restart).
create table event_publication (
  id uuid not null primary key,
  listener_id text not null,
  event_type text not null,
  serialized_event text not null,
  publication_date timestamp with time zone not null,
  completion_date timestamp with time zone,
  status text,
  completion_attempts int,
  last_resubmission_date timestamp with time zone
);

create index event_publication_serialized_event_hash_idx
  on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
