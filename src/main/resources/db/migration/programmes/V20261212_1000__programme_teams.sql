-- Workplace learning (docs/programmes.md, "Workplace learning"): an organisation's teams, their
-- managers and members, invitations by e-mail or link, and the packages assigned to a team.
-- Person ids are the profile's PersonId, without foreign keys across modules (deletion goes
-- through the profile's PersonalDataHolder).
CREATE TABLE programme_team (
    id           uuid PRIMARY KEY,
    organisation text NOT NULL,
    name         text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX programme_team_organisation ON programme_team (organisation);

-- Who manages a team: the manager who created it. Their name is the provider's name claim, shown
-- to members beside what they assigned.
CREATE TABLE programme_team_manager (
    team_id   uuid NOT NULL REFERENCES programme_team (id) ON DELETE CASCADE,
    person_id uuid NOT NULL,
    name      text NOT NULL,
    PRIMARY KEY (team_id, person_id)
);

CREATE INDEX programme_team_manager_person ON programme_team_manager (person_id);

CREATE TABLE programme_team_member (
    team_id   uuid NOT NULL REFERENCES programme_team (id) ON DELETE CASCADE,
    person_id uuid NOT NULL,
    joined_at timestamptz NOT NULL,
    -- which invitation admitted them, so the manager sees how many joined by each link
    invitation_id uuid,
    PRIMARY KEY (team_id, person_id)
);

CREATE INDEX programme_team_member_person ON programme_team_member (person_id);

-- An invitation's token is its only credential; only its SHA-256 is kept, so reading this table
-- gives no working link. An e-mail invitation (email set) is used once; a link invitation (email
-- null) admits anyone signed in who holds it until it expires or is withdrawn.
CREATE TABLE programme_team_invitation (
    id          uuid PRIMARY KEY,
    team_id     uuid NOT NULL REFERENCES programme_team (id) ON DELETE CASCADE,
    token_hash  text NOT NULL UNIQUE,
    email       text,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    accepted_by uuid,
    accepted_at timestamptz,
    withdrawn_at timestamptz
);

CREATE INDEX programme_team_invitation_team ON programme_team_invitation (team_id);

CREATE TABLE programme_team_assignment (
    team_id     uuid NOT NULL REFERENCES programme_team (id) ON DELETE CASCADE,
    package_id  uuid NOT NULL REFERENCES programme_package (id),
    assigned_by uuid,
    assigned_by_name text NOT NULL,
    reason      text NOT NULL,
    target_date date NOT NULL,
    assigned_at timestamptz NOT NULL,
    PRIMARY KEY (team_id, package_id)
);

-- The dashboard joins a team's members to their enrolments in the assigned packages.
CREATE INDEX programme_enrolment_package ON programme_enrolment (package_id, person_id);
