-- The organisation's name as people read it ("Helsingin TE-palvelut"), from the sign-in provider's
-- organisation-name claim, recorded when a counsellor or administrator signs in, as the id is.
-- Pages show the name and fall back to the id while no one has signed in with a name claim.
ALTER TABLE guidance_organisation
    ADD COLUMN name text CHECK (name IS NULL OR length(name) BETWEEN 1 AND 200);
