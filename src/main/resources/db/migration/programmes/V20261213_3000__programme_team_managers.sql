-- Several managers for one team (docs/programmes.md, "Workplace learning"). A team's manager adds
-- another manager in one of two ways, and either way the new manager still manages only while
-- signed in with the manager role of the team's organisation (claims):
-- - from the team's members: a member who held that role when joining is recorded with their name
--   (manager_name), so managers see those colleagues, and never other members' identities;
-- - by invitation: a single-use invitation for a manager (for_manager), shown once as a link and
--   accepted only by a manager of the team's organisation.
ALTER TABLE programme_team_member ADD COLUMN manager_name text;

ALTER TABLE programme_team_invitation ADD COLUMN for_manager boolean NOT NULL DEFAULT false;
