-- Issue 18, section 3: the registry of regional actors and development projects. Each row is owned
-- by the organisation that entered or imported it (the regional developer's organisation claim);
-- "key" is the owner's own identifier, by which an import updates what an earlier one stored.
create table ri_actor (
  id            uuid primary key,
  organisation  text not null,
  key           text not null,
  name          text not null,
  kind          text not null check (kind in ('COMPANY', 'EDUCATION', 'PUBLIC_BODY', 'ASSOCIATION')),
  business_id   text,
  synthetic     boolean not null default false,
  unique (organisation, key)
);

create table ri_project (
  id              uuid primary key,
  organisation    text not null,
  key             text not null,
  name            text not null,
  start_date      date not null,
  end_date        date not null check (end_date >= start_date),
  funding_eur     bigint not null check (funding_eur >= 0),
  funding_source  text not null,
  region_code     text not null,
  synthetic       boolean not null default false,
  updated_at      timestamptz not null default now(),
  unique (organisation, key)
);

create table ri_project_theme (
  project_id  uuid not null references ri_project (id) on delete cascade,
  theme       text not null,
  primary key (project_id, theme)
);

create table ri_project_partner (
  project_id  uuid not null references ri_project (id) on delete cascade,
  actor_id    uuid not null references ri_actor (id) on delete cascade,
  role        text not null,
  primary key (project_id, actor_id)
);

create index ri_project_partner_actor on ri_project_partner (actor_id);
