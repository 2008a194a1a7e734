-- The offerings that teach given skills, looked up by skill: the education search's last resort
-- (RelatedSkills, a query that names nothing in the catalogue) joins the skills it understood the
-- query as to this table. Keyed only by offering, that join read the whole table, every offering's
-- every skill, on each search that found nothing. The offering and score are included so that the
-- lookup is answered from the index.
create index education_offering_skill_by_skill
  on education_offering_skill (skill_uri) include (offering_id, score);
