-- Competence-needs surveys of regional developers (issue 18). A survey belongs to the organisation
-- named by its owner's sign-in claim. Respondents never sign in: each response has an unguessable
-- token, and only that token reaches it.
create table ri_survey (
    id            uuid primary key,
    organisation  text not null,
    version       int not null default 1 check (version >= 1),
    copied_from   uuid references ri_survey (id) on delete set null,
    title_fi      text not null,
    title_sv      text not null,
    title_en      text not null,
    status        text not null check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    -- The open link's token, set when the survey opens.
    open_token    text unique,
    published_at  timestamptz,
    -- The suppressed aggregates as published (JSON), frozen at publishing.
    published     text,
    created_at    timestamptz not null default now()
);
create index ri_survey_organisation on ri_survey (organisation);

create table ri_question (
    id          uuid primary key,
    survey_id   uuid not null references ri_survey (id) on delete cascade,
    position    int not null check (position >= 0),
    kind        text not null check (kind in
        ('SCALE', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'NUMBER', 'FREE_TEXT', 'ESCO_SKILL',
         'ESCO_OCCUPATION', 'FUTURE_SKILLS')),
    text_fi     text not null,
    text_sv     text not null,
    text_en     text not null,
    -- Choice options, one per line, the same number of lines in each language.
    options_fi  text,
    options_sv  text,
    options_en  text,
    unique (survey_id, position)
);

-- One response per token: an invited company's or one started from the open link. The answers
-- hold no personal data; the background is the company's industry, size class and municipality.
create table ri_response (
    id            uuid primary key,
    survey_id     uuid not null references ri_survey (id) on delete cascade,
    token         text not null unique,
    industry      text,
    size_class    text,
    municipality  text,
    language      text,
    answers       jsonb not null default '{}'::jsonb,
    saved_at      timestamptz,
    submitted_at  timestamptz,
    created_at    timestamptz not null default now()
);
create index ri_response_survey on ri_response (survey_id);

-- The invited company's name and contact e-mail, apart from the answers, deleted when the survey
-- closes (RegionalSurveys.close).
create table ri_contact (
    response_id  uuid primary key references ri_response (id) on delete cascade,
    company      text not null,
    email        text
);
