-- "Application open now" is indexed as of each offering's last indexing (FacetValuesBridge).
-- OpenApplications re-indexes the offerings whose application period opened or closed since its
-- last round; this row remembers up to when it has done so, for whichever node runs the next round.
create table education_open_applications_round (
  id boolean primary key default true check (id),
  refreshed_to timestamptz not null
);

-- The round asks for the periods that opened or closed in the last minute or so.
create index education_implementation_application_start
  on education_implementation (application_start);
create index education_implementation_application_end
  on education_implementation (application_end);
