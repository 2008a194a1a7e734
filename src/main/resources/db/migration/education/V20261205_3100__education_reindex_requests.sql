-- Index work that commits together with the catalogue change it follows. The process that made the
-- change indexes it at once when it can write the search index; when another process holds the
-- index (an import beside the running service), the service claims the rows, indexes and deletes
-- them (EducationReindexRequests).
create table education_reindex_request (
  id bigserial primary key,
  -- The offerings to index again; null asks for a rebuild of the whole index.
  offering_ids uuid[],
  requested_at timestamptz not null default now()
);
