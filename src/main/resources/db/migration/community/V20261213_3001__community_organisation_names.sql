-- Organisations' names for article pages and lists (docs/community.md, "Knowledge platform"). An
-- article records its organisation by the sign-in provider's opaque organisation claim; the name
-- comes from the provider's organisation-name claim of the editor who writes or edits an article
-- (the latest one given wins). An organisation without a recorded name is shown by its id.
CREATE TABLE community_organisation (
    id   text PRIMARY KEY,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200)
);

-- Osaava's own sample content is owned by the organisation "osaava" (CommunitySampleContent).
INSERT INTO community_organisation (id, name) VALUES ('osaava', 'Osaava');
