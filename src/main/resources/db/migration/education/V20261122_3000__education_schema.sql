-- The education catalogue: offerings (programmes, qualifications, units, courses, badges), their
-- learning outcomes, implementations and skills. Records are keyed by (source, source_id) so that
-- every importer can upsert and deactivate what its source no longer has.
create extension if not exists pg_trgm;

create table education_offering (
  id uuid primary key,
  source text not null,
  source_id text not null,
  kind text not null,
  level text not null,
  parent_id uuid references education_offering (id),
  title_fi text,
  title_sv text,
  title_en text,
  description_fi text,
  description_sv text,
  description_en text,
  alternative_names text,
  field_code text,
  eqf smallint,
  nqf smallint,
  national_level_code text,
  extent_credits numeric(8, 2),
  extent_unit text,
  duration_months integer,
  source_url text,
  active boolean not null default true,
  synthetic boolean not null default false,
  content_hash text not null,
  skills_identified_at timestamptz,
  updated_at timestamptz not null default now(),
  unique (source, source_id)
);

create index education_offering_unidentified on education_offering (id)
  where skills_identified_at is null and active;
create index education_offering_parent on education_offering (parent_id);

create table education_learning_outcome (
  offering_id uuid not null references education_offering (id) on delete cascade,
  position integer not null,
  text_fi text,
  text_sv text,
  text_en text,
  primary key (offering_id, position)
);

create table education_implementation (
  offering_id uuid not null references education_offering (id) on delete cascade,
  position integer not null,
  source_id text,
  name_fi text,
  name_sv text,
  name_en text,
  provider_id text,
  provider_fi text,
  provider_sv text,
  provider_en text,
  institution text,
  municipality_codes text[] not null default '{}',
  place_names text,
  teaching_languages text[] not null default '{}',
  mode text not null,
  schedule text,
  cost numeric(10, 2),
  start_date date,
  end_date date,
  application_start timestamptz,
  application_end timestamptz,
  url text,
  primary key (offering_id, position)
);

create table education_offering_skill (
  offering_id uuid not null references education_offering (id) on delete cascade,
  skill_uri text not null,
  source text not null,
  score real not null,
  evidence text,
  label_fi text,
  label_sv text,
  label_en text,
  primary key (offering_id, skill_uri, source)
);

-- Municipality names as the sources give them, for facet labels until the regions module serves
-- the classification.
create table education_municipality (
  code text primary key,
  name_fi text,
  name_sv text
);

create table education_import (
  id bigserial primary key,
  source text not null,
  imported_at timestamptz not null default now(),
  records integer not null,
  inserted integer not null,
  updated integer not null,
  deactivated integer not null,
  errors integer not null
);

-- The ILIKE/trigram baseline of the national reference implementation searches these texts.
create index education_offering_title_trgm on education_offering
  using gin ((coalesce(title_fi, '') || ' ' || coalesce(title_sv, '') || ' ' || coalesce(title_en, '')) gin_trgm_ops);
