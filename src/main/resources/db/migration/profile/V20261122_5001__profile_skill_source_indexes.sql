-- Deleting an entry or a credential cascades to the skills it is the source of; without these
-- indexes each such delete scans every profile skill (measured: deleting 10,000 generated
-- profiles took minutes).
CREATE INDEX profile_skill_experience ON profile_skill (experience_id) WHERE experience_id IS NOT NULL;
CREATE INDEX profile_skill_credential ON profile_skill (credential_id) WHERE credential_id IS NOT NULL;
