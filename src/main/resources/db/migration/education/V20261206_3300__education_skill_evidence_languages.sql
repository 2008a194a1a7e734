-- The evidence of a skill per language, so that a page quotes the text in its own language and
-- marks a quote in another one. `evidence` stays as it was (the text as the source gave it, of
-- unknown language for provider-curated skills).
alter table education_offering_skill
  add column evidence_fi text,
  add column evidence_sv text,
  add column evidence_en text;

-- Identified skills were found in one text per offering: Finnish if it had over 20 characters,
-- else Swedish, else English (SkillBackfill.Pending.textLanguage); the same rule names the
-- language of the evidence stored so far.
update education_offering_skill s
   set evidence_fi = case when t.lang = 'fi' then s.evidence end,
       evidence_sv = case when t.lang = 'sv' then s.evidence end,
       evidence_en = case when t.lang = 'en' then s.evidence end
  from (
    select o.id,
      case
        when length(concat_ws(E'\n', o.title_fi, o.description_fi,
               (select string_agg(text_fi, E'\n' order by position)
                  from education_learning_outcome where offering_id = o.id))) > 20 then 'fi'
        when length(concat_ws(E'\n', o.title_sv, o.description_sv,
               (select string_agg(text_sv, E'\n' order by position)
                  from education_learning_outcome where offering_id = o.id))) > 20 then 'sv'
        else 'en'
      end as lang
    from education_offering o
  ) t
 where s.offering_id = t.id and s.source = 'IDENTIFIED' and s.evidence is not null;

-- A qualification's skills quote the titles of the units that teach them.
update education_offering_skill q
   set evidence_fi = u.fi, evidence_sv = u.sv, evidence_en = u.en
  from (
    select s.skill_uri, o.parent_id,
      case when count(o.title_fi) = count(*) then string_agg(distinct o.title_fi, '; ') end as fi,
      case when count(o.title_sv) = count(*) then string_agg(distinct o.title_sv, '; ') end as sv,
      case when count(o.title_en) = count(*) then string_agg(distinct o.title_en, '; ') end as en
    from education_offering o join education_offering_skill s on s.offering_id = o.id
    where o.parent_id is not null and o.active and s.source = 'IDENTIFIED'
    group by s.skill_uri, o.parent_id
  ) u
 where q.source = 'QUALIFICATION_DEFINED' and q.offering_id = u.parent_id
   and q.skill_uri = u.skill_uri;
