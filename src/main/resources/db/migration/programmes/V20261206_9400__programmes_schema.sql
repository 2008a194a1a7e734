-- Learning programmes (docs/programmes.md): programmes, their training packages, and each
-- package's versions. A version's whole content (texts, modules, quizzes) is one JSON document, so
-- that publishing freezes all of it at once; the trigger below refuses any change to a published
-- version, whoever writes.
CREATE TABLE programme (
    id                 uuid PRIMARY KEY,
    slug               text NOT NULL UNIQUE,
    owner_organisation text NOT NULL,
    title              jsonb NOT NULL,
    summary            jsonb NOT NULL,
    sample             boolean NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE programme_package (
    id                 uuid PRIMARY KEY,
    programme_id       uuid NOT NULL REFERENCES programme (id),
    slug               text NOT NULL UNIQUE,
    owner_organisation text NOT NULL,
    sample             boolean NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX programme_package_owner ON programme_package (owner_organisation);

CREATE TABLE programme_package_version (
    id           uuid PRIMARY KEY,
    package_id   uuid NOT NULL REFERENCES programme_package (id),
    version      integer NOT NULL CHECK (version > 0),
    status       text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    content      jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    UNIQUE (package_id, version)
);

-- At most one draft beside the published versions.
CREATE UNIQUE INDEX programme_package_one_draft
    ON programme_package_version (package_id) WHERE status = 'DRAFT';

CREATE FUNCTION programme_published_version_is_immutable() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        RAISE EXCEPTION 'package version % of package % is published and cannot change',
            OLD.version, OLD.package_id USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER programme_published_version_is_immutable
    BEFORE UPDATE OR DELETE ON programme_package_version
    FOR EACH ROW EXECUTE FUNCTION programme_published_version_is_immutable();

-- Learners. person_id is the profile's PersonId; no foreign key across modules (deletion goes
-- through the profile's PersonalDataHolder).
CREATE TABLE programme_enrolment (
    person_id     uuid NOT NULL,
    package_id    uuid NOT NULL REFERENCES programme_package (id),
    version_id    uuid NOT NULL REFERENCES programme_package_version (id),
    started_at    timestamptz NOT NULL,
    last_module   text,
    completed_at  timestamptz,
    credential    text,
    PRIMARY KEY (person_id, package_id)
);

CREATE TABLE programme_module_done (
    person_id  uuid NOT NULL,
    version_id uuid NOT NULL REFERENCES programme_package_version (id),
    module_key text NOT NULL,
    done_at    timestamptz NOT NULL,
    PRIMARY KEY (person_id, version_id, module_key)
);

CREATE TABLE programme_quiz_attempt (
    id           uuid PRIMARY KEY,
    person_id    uuid NOT NULL,
    version_id   uuid NOT NULL REFERENCES programme_package_version (id),
    module_key   text NOT NULL,
    answers      jsonb NOT NULL,
    score        integer NOT NULL,
    max_score    integer NOT NULL,
    attempted_at timestamptz NOT NULL
);

CREATE INDEX programme_quiz_attempt_person ON programme_quiz_attempt (person_id, version_id, module_key);

CREATE TABLE programme_reflection (
    person_id  uuid NOT NULL,
    version_id uuid NOT NULL REFERENCES programme_package_version (id),
    module_key text NOT NULL,
    text       text NOT NULL,
    written_at timestamptz NOT NULL,
    PRIMARY KEY (person_id, version_id, module_key)
);
