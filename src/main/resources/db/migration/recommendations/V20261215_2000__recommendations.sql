-- The signed-in person's combined recommendations and consented hand-over summaries (module
-- recommendations, docs/services.md "Recommendations from the profile" and "Hand-over summary").
-- person_id is the profile's PersonId; no foreign key across modules: the module deletes its rows
-- through PersonalDataHolder in the profile's deletion transaction.

-- The life situation and municipality the person chose on the recommendations page: the profile
-- holds neither (only the municipality of a work entry, which is not where a person lives).
create table rc_preference (
  person_id uuid primary key,
  life_situation text not null,
  municipality_code text,
  updated_at timestamptz not null
);

-- One consent to hand a summary to one service, and the summary it covers. The row is the consent
-- record (who, which service, when); summary holds only what the person saw and agreed to hand
-- over (goal, confirmed skills, gap as labels in the language of the page), and is wiped when the
-- person withdraws the link or it is opened after it expired.
create table rc_handover (
  id uuid primary key,
  person_id uuid not null,
  service_id uuid not null,
  consented_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  summary jsonb
);
create index rc_handover_person on rc_handover (person_id, consented_at desc);

-- Every opening of a hand-over link, shown to the person: when, and what the opener got.
create table rc_handover_access (
  id bigint generated always as identity primary key,
  handover_id uuid not null references rc_handover (id) on delete cascade,
  accessed_at timestamptz not null,
  -- SHOWN, EXPIRED or REVOKED
  outcome text not null
);
create index rc_handover_access_handover on rc_handover_access (handover_id, accessed_at desc);
