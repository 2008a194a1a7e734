-- Thematic groups and the knowledge platform (docs/community.md). person_id and author columns
-- hold the profile's PersonId; no foreign key across modules (deletion goes through the profile's
-- PersonalDataHolder). Packages are linked by their slug, as the programmes API names them.

-- The name a person shows with their posts, chosen when joining a group or commenting.
CREATE TABLE community_person (
    person_id    uuid PRIMARY KEY,
    display_name text NOT NULL
);

CREATE TABLE community_group (
    id             uuid PRIMARY KEY,
    slug           text NOT NULL UNIQUE,
    title          jsonb NOT NULL,
    summary        jsonb NOT NULL,
    programme_slug text,
    sample         boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE community_member (
    group_id  uuid NOT NULL REFERENCES community_group (id),
    person_id uuid NOT NULL,
    joined_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, person_id)
);

-- Articles and experience stories. One row holds the texts in every language, so that the search
-- index (fi/sv/en analysis, ArticleDocument) reads one row per article.
CREATE TABLE community_article (
    id           uuid PRIMARY KEY,
    slug         text NOT NULL UNIQUE,
    kind         text NOT NULL CHECK (kind IN ('ARTICLE', 'STORY')),
    organisation text NOT NULL,
    title_fi     text,
    title_sv     text,
    title_en     text,
    body_fi      text,
    body_sv      text,
    body_en      text,
    themes       text NOT NULL DEFAULT '',
    skills       text NOT NULL DEFAULT '',
    packages     text NOT NULL DEFAULT '',
    sample       boolean NOT NULL DEFAULT false,
    published_at timestamptz NOT NULL DEFAULT now(),
    CHECK (title_fi IS NOT NULL OR title_sv IS NOT NULL OR title_en IS NOT NULL)
);

-- Posts: a thread's opening post (group, title, no parent), a reply (group, parent) or a comment on
-- an article (article, no parent). A post whose author deleted their account while others had
-- replied stays as "deleted user" with no author and no text.
CREATE TABLE community_post (
    id         uuid PRIMARY KEY,
    group_id   uuid REFERENCES community_group (id),
    article_id uuid REFERENCES community_article (id),
    parent_id  uuid REFERENCES community_post (id),
    author     uuid,
    title      text,
    body       text,
    hidden     boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((group_id IS NULL) <> (article_id IS NULL)),
    CHECK (parent_id IS NULL OR group_id IS NOT NULL)
);

CREATE INDEX community_post_group ON community_post (group_id, created_at) WHERE parent_id IS NULL;
CREATE INDEX community_post_parent ON community_post (parent_id, created_at);
CREATE INDEX community_post_article ON community_post (article_id, created_at);
CREATE INDEX community_post_author ON community_post (author);

CREATE TABLE community_report (
    post_id     uuid NOT NULL REFERENCES community_post (id) ON DELETE CASCADE,
    reporter    uuid NOT NULL,
    reason      text NOT NULL,
    reported_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (post_id, reporter)
);

-- What moderators did, kept when the post goes (post_id is not a foreign key). The moderator is
-- forgotten when they delete their account; the action stays.
CREATE TABLE community_moderation_log (
    id         uuid PRIMARY KEY,
    post_id    uuid NOT NULL,
    moderator  uuid,
    action     text NOT NULL CHECK (action IN ('HIDE', 'RESTORE')),
    reason     text NOT NULL,
    excerpt    text,
    acted_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX community_moderation_log_time ON community_moderation_log (acted_at DESC);

-- Members' suggestions for new content, which editors read.
CREATE TABLE community_suggestion (
    id           uuid PRIMARY KEY,
    group_id     uuid NOT NULL REFERENCES community_group (id),
    person_id    uuid NOT NULL,
    text         text NOT NULL,
    suggested_at timestamptz NOT NULL DEFAULT now()
);
