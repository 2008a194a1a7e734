-- CV uploads: the file itself is never stored, only that an import happened and the entries read
-- from it, which are ordinary entries the person can edit or delete.
CREATE TABLE profile_cv_import (
    id              uuid PRIMARY KEY,
    person_id       uuid NOT NULL REFERENCES profile_person (id) ON DELETE CASCADE,
    file_name       text NOT NULL,
    media_type      text NOT NULL,
    -- The language the CV was read as (fi, sv, en), for the suggestions' labels.
    language        text,
    imported_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX profile_cv_import_person ON profile_cv_import (person_id);

ALTER TABLE profile_experience
    ADD COLUMN cv_import_id uuid REFERENCES profile_cv_import (id) ON DELETE SET NULL;
CREATE INDEX profile_experience_cv_import ON profile_experience (cv_import_id)
    WHERE cv_import_id IS NOT NULL;

-- Skills confirmed on the identify page come from a text, not from an entry: source kind TEXT.
ALTER TABLE profile_skill DROP CONSTRAINT profile_skill_source_kind_check;
ALTER TABLE profile_skill ADD CONSTRAINT profile_skill_source_kind_check
    CHECK (source_kind IN ('EXPERIENCE', 'CREDENTIAL', 'LEARNING', 'MANUAL', 'TEXT'));

-- Whether the identification engine found the skill in a text (an entry, a CV, a credential's or
-- badge's description) rather than the source naming it (an ESCO alignment) or the person adding
-- it by hand. The page says so: "identified from the badge description".
ALTER TABLE profile_skill ADD COLUMN identified boolean NOT NULL DEFAULT false;
UPDATE profile_skill SET identified = true WHERE source_kind = 'EXPERIENCE';
UPDATE profile_skill SET identified = true
    WHERE source_kind = 'CREDENTIAL' AND evidence LIKE 'Identified by Osaava%';
-- The page now says in the reader's language how a credential's skill was found; the English
-- sentences that said it before go.
UPDATE profile_skill SET evidence = ''
    WHERE source_kind = 'CREDENTIAL'
      AND (evidence LIKE 'Identified by Osaava%' OR evidence = 'ESCO skill named in the credential');
