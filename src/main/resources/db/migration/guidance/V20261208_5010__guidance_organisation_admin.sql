-- An organisation administrator (a role from the sign-in provider's claims) manages the
-- organisation's counsellors beside the provider: adds one by the e-mail address their provider
-- vouches for (a verified e-mail claim), and removes one, which ends their access to the
-- organisation's clients at once, even while the provider's claims still name them.
ALTER TABLE guidance_counsellor ADD COLUMN email text;
ALTER TABLE guidance_counsellor ADD COLUMN removed_at timestamptz;
CREATE INDEX guidance_counsellor_email ON guidance_counsellor (organisation_id, email);

-- Counsellors added by an administrator: the person is a counsellor of the organisation when they
-- sign in with this verified e-mail address, whatever their role claim.
CREATE TABLE guidance_member (
    id              uuid PRIMARY KEY,
    organisation_id text NOT NULL REFERENCES guidance_organisation (id),
    email           text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    added_by        uuid NOT NULL,
    added_at        timestamptz NOT NULL,
    UNIQUE (organisation_id, email)
);
CREATE INDEX guidance_member_email ON guidance_member (email);

-- What the organisation's administrators did, for the organisation to see: who added or removed
-- whom, and when.
CREATE TABLE guidance_admin_audit (
    id              uuid PRIMARY KEY,
    organisation_id text NOT NULL REFERENCES guidance_organisation (id),
    actor_id        uuid NOT NULL,
    -- The administrator's name from the provider's name claim, as the log shows them; may be empty.
    actor_name      text NOT NULL DEFAULT '',
    action          text NOT NULL CHECK (action IN ('ADDED', 'REMOVED', 'CANCELLED')),
    subject         text NOT NULL,
    at              timestamptz NOT NULL
);
CREATE INDEX guidance_admin_audit_organisation ON guidance_admin_audit (organisation_id, at);
