-- The other direction of an invitation: the client makes one, choosing the parts to share and for
-- how long, and gives its code (or a link with it) to a counsellor, who accepts it. Accepting makes
-- the same consent as a counsellor's code (profile_counsellor_grant, through CounsellorConsents),
-- so the gate, the access log and revocation are the same. Used once, valid for a short time, and
-- withdrawable by the client until used. Personal data of the client: exported and deleted with
-- the account.
CREATE TABLE guidance_client_invitation (
    id              uuid PRIMARY KEY,
    code            text NOT NULL UNIQUE,
    client_id       uuid NOT NULL,
    client_name     text NOT NULL CHECK (length(client_name) BETWEEN 1 AND 80),
    parts           text[] NOT NULL CHECK (cardinality(parts) >= 1),
    months          int NOT NULL CHECK (months BETWEEN 1 AND 12),
    -- The language of the page where the client made it: the language of the guidance summary.
    client_language text NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    withdrawn_at    timestamptz,
    used_at         timestamptz,
    grant_id        uuid UNIQUE
);
CREATE INDEX guidance_client_invitation_client ON guidance_client_invitation (client_id);
