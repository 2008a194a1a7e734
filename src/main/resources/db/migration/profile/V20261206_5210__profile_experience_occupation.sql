-- The ESCO occupation a work entry stands for, when the person confirmed it on the identify page
-- (an occupation their text names). Matching ranks the occupations a person has worked in first;
-- an entry the person wrote or read from a CV is recognised from its title instead.
ALTER TABLE profile_experience ADD COLUMN occupation_uri text;
CREATE INDEX profile_experience_occupation ON profile_experience (person_id)
    WHERE occupation_uri IS NOT NULL;
