-- The latest monthly snapshot of the employment-service statistics by area (KEHA-keskus table
-- 12r5), kept beside the long 2006-2020 series as "the current state": every measure of the file,
-- one row per area, month and measure. level: COUNTRY, REGION, SUB_REGION, MUNICIPALITY or OTHER
-- (ELY-centre areas and the "unknown" rows); area_code is the official code of the regions module
-- (null for COUNTRY and OTHER). value is null where the source suppresses or lacks the figure.
create table lm_current_area (
  source_code text not null,
  level       text not null,
  area_code   text,
  month       date not null,
  measure     text not null,
  value       double precision,
  primary key (source_code, month, measure)
);
create index lm_current_area_level on lm_current_area (level, month);

-- The measures of the snapshot with their Finnish label from the source and when it was updated.
create table lm_current_measure (
  measure    text primary key,
  label_fi   text not null,
  updated    text,
  source     text
);
