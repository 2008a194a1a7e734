-- Skill demand rolled up over occupation groups, by region and for the whole country. The full
-- aggregate (month, region, ISCO group, skill) grows with every combination an ad brings; the
-- questions asked most (national and regional skill trends, national top skills, a skill's share)
-- do not need the group, and at a million ads summing the full aggregate over a year's months took
-- too long for a page. Ingestion adds to these in the same statements' transaction as to the
-- full aggregate, so they are never rebuilt.
create table lm_demand_skill_region (
  region_code text not null,
  month       date not null,
  skill_uri   text not null,
  ads         integer not null,
  primary key (region_code, month, skill_uri)
);

create table lm_demand_skill_national (
  month     date not null,
  skill_uri text not null,
  ads       integer not null,
  primary key (month, skill_uri)
);
create index lm_demand_skill_national_skill on lm_demand_skill_national (skill_uri, month);

insert into lm_demand_skill_region (region_code, month, skill_uri, ads)
select region_code, month, skill_uri, sum(ads) from lm_demand_skill
group by 1, 2, 3 having sum(ads) > 0;

insert into lm_demand_skill_national (month, skill_uri, ads)
select month, skill_uri, sum(ads) from lm_demand_skill
group by 1, 2 having sum(ads) > 0;
