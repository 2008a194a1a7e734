-- A counsellor's invitation code is withdrawn, as a client's invitation is, instead of deleted: when
-- the organisation's administrator removes the counsellor, their unused codes stop working but stay
-- in the counsellor's export. Both tables now share the life of a code (InvitationCodes): valid
-- until expires_at, used once (used_at, grant_id), withdrawn until used (withdrawn_at).
ALTER TABLE guidance_invitation ADD COLUMN withdrawn_at timestamptz;
