-- Area statistics for the regional overview's context (population, education level, income,
-- migration), imported from Statistics Finland's PxWeb JSON files in the reference data. level:
-- COUNTRY, REGION, SUB_REGION or MUNICIPALITY; area_code '' for the country; value null where the
-- source suppressed the figure.
create table ri_area_statistic (
  dataset    text not null,
  year       integer not null,
  level      text not null,
  area_code  text not null,
  measure    text not null,
  value      double precision,
  primary key (dataset, level, area_code, measure)
);
