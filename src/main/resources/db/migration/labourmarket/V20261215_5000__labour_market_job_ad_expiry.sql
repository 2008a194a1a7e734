-- When an open ad's passing of its last day was announced (JobAdsExpired), so that each expiry is
-- announced once; an edit clears it, as a later last day opens the ad again.
alter table lm_job_ad add column expiry_announced_at timestamptz;

-- The ads an expiry round looks at: those that could still expire and be announced. Closed ads,
-- reposts and generated ads are never announced, so they stay out of the index.
create index lm_job_ad_expiring on lm_job_ad (valid_through)
  where expiry_announced_at is null and closed_at is null and duplicate_of is null
    and not synthetic and valid_through is not null;
