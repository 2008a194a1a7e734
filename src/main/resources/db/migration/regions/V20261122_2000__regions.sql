-- Finland's regional classification (Statistics Finland), replaced as a whole by each import:
-- other modules store codes, and a new year's classification is the truth for every code.
create table regions_area (
  level text not null check (level in ('REGION', 'SUB_REGION', 'MUNICIPALITY')),
  code text not null check (code ~ '^[0-9]{2,3}$'),
  name_fi text not null,
  name_sv text,
  name_en text,
  region_code text not null,
  sub_region_code text,
  primary key (level, code)
);

create table regions_import (
  id bigint generated always as identity primary key,
  source text not null,
  sha256 text not null,
  year integer,
  municipalities integer not null,
  imported_at timestamptz not null default now()
);
