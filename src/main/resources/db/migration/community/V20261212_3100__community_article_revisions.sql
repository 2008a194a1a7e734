-- Editing a published article (issue 19): the article's row holds the version in use, and an edit
-- first copies the version it replaces here, so that earlier versions are kept and the article's
-- page lists them ("edited on …"). version counts from 1; an editor's form carries the version it
-- was opened at, so that an edit saved meanwhile by someone else is not silently overwritten.
-- No person is recorded: the owning organisation is the author, as for the article itself.
ALTER TABLE community_article ADD COLUMN version int NOT NULL DEFAULT 1;
ALTER TABLE community_article ADD COLUMN edited_at timestamptz;

CREATE TABLE community_article_revision (
    article_id  uuid NOT NULL REFERENCES community_article (id) ON DELETE CASCADE,
    version     int NOT NULL,
    kind        text NOT NULL,
    title_fi    text,
    title_sv    text,
    title_en    text,
    body_fi     text,
    body_sv     text,
    body_en     text,
    themes      text NOT NULL,
    skills      text NOT NULL,
    packages    text NOT NULL,
    -- When this version came into use (published or edited), and when an edit replaced it.
    valid_from  timestamptz NOT NULL,
    replaced_at timestamptz NOT NULL,
    PRIMARY KEY (article_id, version)
);
