-- Where a work-history entry was done: a municipality code of the regional classification
-- (three digits), optional. With the owner's consent to anonymised statistics it counts in the
-- regional moves of experts (issue 18), only as aggregates of at least five people.
ALTER TABLE profile_experience ADD COLUMN municipality_code text
    CHECK (municipality_code IS NULL OR municipality_code ~ '^[0-9]{3}$');

-- People made by `osaava generate work-histories` for demonstration: every figure that counts
-- them says so.
ALTER TABLE profile_person ADD COLUMN synthetic boolean NOT NULL DEFAULT false;

CREATE INDEX profile_experience_moves ON profile_experience (person_id, start_date)
    WHERE kind = 'WORK' AND municipality_code IS NOT NULL;
