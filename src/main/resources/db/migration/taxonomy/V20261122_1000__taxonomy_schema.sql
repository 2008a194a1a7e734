-- The ESCO classification. Concepts are keyed by their URI, which ESCO keeps stable across
-- versions and languages; labels and texts hang off it per language.

create table taxonomy_import (
    id               bigserial primary key,
    version          text        not null,
    content_digest   text        not null,
    files            text        not null,
    concepts         integer     not null,
    added            integer     not null,
    obsoleted        integer     not null,
    labels           integer     not null,
    relations        integer     not null,
    imported_at      timestamptz not null default now()
);
create index taxonomy_import_digest on taxonomy_import (content_digest);

create table taxonomy_concept (
    uri            text primary key,
    concept_type   text    not null check (concept_type in ('SKILL', 'SKILL_GROUP', 'OCCUPATION', 'ISCO_GROUP')),
    code           text,
    isco_code      text,
    skill_type     text,
    reuse_level    text,
    status         text,
    obsolete       boolean not null default false,
    first_version  text    not null,
    last_version   text    not null
);
create index taxonomy_concept_type on taxonomy_concept (concept_type) where not obsolete;
create index taxonomy_concept_isco on taxonomy_concept (isco_code) where isco_code is not null;

create table taxonomy_label (
    concept_uri  text not null references taxonomy_concept (uri),
    language     text not null,
    kind         text not null check (kind in ('PREFERRED', 'ALTERNATIVE', 'HIDDEN')),
    label        text not null,
    position     integer not null,
    primary key (concept_uri, language, kind, label)
);
create index taxonomy_label_preferred on taxonomy_label (language, concept_uri) where kind = 'PREFERRED';

create table taxonomy_text (
    concept_uri  text not null references taxonomy_concept (uri),
    language     text not null,
    description  text,
    definition   text,
    scope_note   text,
    primary key (concept_uri, language)
);

-- pillar: SKILL for the skills pillar and hierarchy, OCCUPATION for occupations and ISCO groups,
-- so that importing one relations file replaces only its own pillar.
create table taxonomy_broader (
    concept_uri  text not null references taxonomy_concept (uri),
    broader_uri  text not null references taxonomy_concept (uri),
    pillar       text not null check (pillar in ('SKILL', 'OCCUPATION')),
    primary key (concept_uri, broader_uri)
);
create index taxonomy_broader_broader on taxonomy_broader (broader_uri);

create table taxonomy_occupation_skill (
    occupation_uri  text not null references taxonomy_concept (uri),
    skill_uri       text not null references taxonomy_concept (uri),
    relation        text not null check (relation in ('ESSENTIAL', 'OPTIONAL')),
    primary key (occupation_uri, skill_uri)
);
create index taxonomy_occupation_skill_skill on taxonomy_occupation_skill (skill_uri);

create table taxonomy_skill_relation (
    skill_uri    text not null references taxonomy_concept (uri),
    related_uri  text not null references taxonomy_concept (uri),
    relation     text not null check (relation in ('ESSENTIAL', 'OPTIONAL')),
    primary key (skill_uri, related_uri)
);
create index taxonomy_skill_relation_related on taxonomy_skill_relation (related_uri);

create table taxonomy_collection_member (
    collection   text not null,
    concept_uri  text not null references taxonomy_concept (uri),
    primary key (collection, concept_uri)
);
