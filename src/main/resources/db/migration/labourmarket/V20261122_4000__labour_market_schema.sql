-- Labour-market statistics (Statistics Finland employment service series), ESCO occupation
-- indicators, region boundaries, ingested job ads and their demand aggregates.

-- One row per imported statistics dataset: what was read and which names had no code.
create table lm_dataset (
  name        text primary key,
  imported_at timestamptz not null,
  rows        integer not null,
  unmatched   text[] not null default '{}'
);

-- Jobseekers and open vacancies by ISCO-08 unit group (whole country), monthly.
create table lm_occupation_series (
  group_name  text not null,
  isco_code   text,
  month       date not null,
  jobseekers  integer,
  vacancies   integer,
  primary key (group_name, month)
);
create index lm_occupation_series_isco on lm_occupation_series (isco_code, month);

-- Unemployed, labour force and open vacancies by area, monthly. level: REGION, SUB_REGION,
-- MUNICIPALITY; area_code null when the name matched no area of the current classification.
create table lm_area_series (
  level        text not null,
  area_name    text not null,
  area_code    text,
  month        date not null,
  unemployed   integer,
  labour_force integer,
  vacancies    integer,
  primary key (level, area_name, month)
);
create index lm_area_series_code on lm_area_series (level, area_code, month);

-- Vacancy flow by region, monthly.
create table lm_vacancy_flow (
  area_name      text not null,
  area_code      text,
  month          date not null,
  open_during    integer,
  new_during     integer,
  filled_during  integer,
  mean_days_open integer,
  primary key (area_name, month)
);

-- Indicators per ESCO occupation (joined by ISCO group, whole country).
create table lm_occupation_indicator (
  occupation_uri            text primary key,
  isco_group                text not null,
  labour_force              double precision,
  open_vacancies            double precision,
  vacancy_rate              double precision,
  unemployment_rate         double precision,
  non_standard_work_share   double precision,
  pay_decile                integer,
  median_hourly_earnings    double precision,
  labour_shortage_share     double precision,
  mismatch_share            double precision,
  shortage_volume           double precision,
  foreign_background_share  double precision
);

-- Region and municipality boundaries (WGS84 GeoJSON geometry), rendered as SVG maps.
create table lm_boundary (
  level      text not null,
  code       text not null,
  name_fi    text not null,
  name_sv    text,
  geometry   text not null,
  primary key (level, code)
);

-- Ingested job ads. source_key is the ad's identifier from its source, the idempotency key.
-- duplicate_of points at the first ad of a near-duplicate cluster (reposts), which alone counts.
create table lm_job_ad (
  id               uuid primary key,
  source_key       text not null unique,
  title            text not null,
  description      text not null,
  language         text not null,
  employer         text,
  occupation_uri   text,
  isco_code        text,
  municipality_code text,
  region_code      text,
  location_text    text,
  remote           boolean not null,
  date_posted      date not null,
  valid_through    date,
  synthetic        boolean not null,
  duplicate_of     uuid references lm_job_ad (id),
  minhash          integer[] not null,
  ingested_at      timestamptz not null
);
create index lm_job_ad_open on lm_job_ad (valid_through) where duplicate_of is null;
create index lm_job_ad_isco on lm_job_ad (isco_code, date_posted);

create table lm_job_ad_skill (
  ad_id     uuid not null references lm_job_ad (id) on delete cascade,
  skill_uri text not null,
  score     real not null,
  evidence  text not null,
  primary key (ad_id, skill_uri)
);
create index lm_job_ad_skill_skill on lm_job_ad_skill (skill_uri);

-- Locality-sensitive hashing bands of each ad's MinHash signature, to find repost candidates.
create table lm_job_ad_band (
  band      smallint not null,
  hash      bigint not null,
  ad_id     uuid not null references lm_job_ad (id) on delete cascade,
  primary key (band, hash, ad_id)
);

-- Demand aggregates, updated in the ingestion transaction of each counted ad. Empty strings stand
-- for "unknown" so that the keys can be primary keys (no nulls).
create table lm_demand_ads (
  month       date not null,
  region_code text not null,
  isco_code   text not null,
  ads         integer not null,
  primary key (month, region_code, isco_code)
);

create table lm_demand_skill (
  month       date not null,
  region_code text not null,
  isco_code   text not null,
  skill_uri   text not null,
  ads         integer not null,
  primary key (month, region_code, isco_code, skill_uri)
);
create index lm_demand_skill_skill on lm_demand_skill (skill_uri, month);
create index lm_demand_skill_isco on lm_demand_skill (isco_code, month);
