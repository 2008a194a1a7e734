-- Job ads that organisations' editors publish and edit on /publish/job-ads (and ads pushed with
-- the organisation as hiringOrganization.@id). organisation is that id; an ad without it belongs
-- to no editor. url is the ad's own page (schema.org url). updated_at is when an editor last saved
-- it (null: never edited since ingestion). closed_at is when an editor closed it: a closed ad is no
-- longer open (matching leaves it out) but still counts in the demand of the month it was posted.
alter table lm_job_ad add column organisation text;
alter table lm_job_ad add column url text;
alter table lm_job_ad add column updated_at timestamptz;
alter table lm_job_ad add column closed_at timestamptz;
create index lm_job_ad_organisation on lm_job_ad (organisation) where organisation is not null;

-- A skill the ad's publisher chose (schema.org skills with an ESCO @id), not only identified from
-- the text. A chosen skill has score 1 and no evidence unless the text also names it.
alter table lm_job_ad_skill add column chosen boolean not null default false;
