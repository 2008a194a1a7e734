-- Issue 18, section 5: a region's network forums. A forum belongs to a region (and optionally a
-- sub-region) and to the organisation of the regional developer who made it (the organisation
-- claim); it may link to a published survey and to projects of the registry that it discussed.
create table ri_forum (
  id                uuid primary key,
  organisation      text not null,
  region_code       text not null,
  sub_region_code   text,
  title             text not null,
  description       text not null default '',
  survey_id         uuid references ri_survey (id) on delete set null,
  results           text not null default '',
  published         boolean not null default false,
  synthetic         boolean not null default false,
  updated_at        timestamptz not null default now()
);

create index ri_forum_organisation on ri_forum (organisation);

create table ri_forum_project (
  forum_id    uuid not null references ri_forum (id) on delete cascade,
  project_id  uuid not null references ri_project (id) on delete cascade,
  primary key (forum_id, project_id)
);

-- "sequence" is the iCalendar SEQUENCE, raised by every change so that calendars take the newest.
create table ri_forum_event (
  id          uuid primary key,
  forum_id    uuid not null references ri_forum (id) on delete cascade,
  title       text not null,
  agenda      text not null default '',
  starts_at   timestamptz not null,
  ends_at     timestamptz not null check (ends_at > starts_at),
  place       text,
  online_url  text,
  capacity    integer not null check (capacity between 1 and 10000),
  sequence    integer not null default 0,
  updated_at  timestamptz not null default now(),
  check (place is not null or online_url is not null)
);

create index ri_forum_event_forum on ri_forum_event (forum_id, starts_at);

-- A participant is a signed-in person; the organisation they came from is what the public page
-- lists. Their name is kept only when they chose to show it.
create table ri_forum_registration (
  event_id       uuid not null references ri_forum_event (id) on delete cascade,
  person_id      uuid not null,
  organisation   text not null,
  shown_name     text,
  registered_at  timestamptz not null,
  primary key (event_id, person_id)
);

create index ri_forum_registration_person on ri_forum_registration (person_id);

create table ri_forum_material (
  id          uuid primary key,
  forum_id    uuid not null references ri_forum (id) on delete cascade,
  title       text not null,
  url         text,
  markdown    text,
  created_at  timestamptz not null default now(),
  check ((url is null) <> (markdown is null))
);
