-- The service directory (module services, docs/services.md). One row per service or general
-- service description; the importers and the push API write it with JDBC, the search index reads
-- it. Multi-valued codes are kept as space-separated words (codes never contain blanks; target
-- groups, which are free text, are separated by newlines), which is all the index and pages need.
create table services_service (
  id uuid primary key,
  -- 'ptv' for the national catalogue's general descriptions, 'provider' for organisations' own
  -- services (file import and push API).
  source text not null,
  -- The PTV id, or '<organisation>/<provider's id>' for providers' services.
  source_id text not null,
  -- GENERAL_DESCRIPTION (a template without provider or channels) or SERVICE.
  kind text not null,
  -- For a provider's service that implements a general description: its PTV id.
  general_description_id uuid,
  reference_code text,
  organisation_business_id text,
  organisation_name_fi text,
  organisation_name_sv text,
  organisation_name_en text,
  name_fi text,
  name_sv text,
  name_en text,
  summary_fi text,
  summary_sv text,
  summary_en text,
  description_fi text,
  description_sv text,
  description_en text,
  service_type text not null,
  life_situations text not null default '',
  target_groups text not null default '',
  areas text not null default '',
  -- The areas as the index and the recommendations match them: the areas given, and the region of
  -- each municipality given.
  area_index text not null default '',
  languages text not null default '',
  -- Finnish subject words of the national ontology, searchable.
  keywords text,
  charge_type text,
  cost_info_fi text,
  cost_info_sv text,
  cost_info_en text,
  -- The service channels as the documented JSON (web page, phone, visiting address, e-service).
  channels jsonb not null default '[]',
  -- SHA-256 of the record as read, so that an import sent again changes nothing.
  content_hash text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (source, source_id)
);

create index services_service_active on services_service (active);
