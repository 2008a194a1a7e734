-- The documents of the label autocomplete index (fi.osaava.taxonomy.internal.search): one row per
-- label of a current concept in a language the service speaks. Obsolete concepts are left out here,
-- so they never reach the index. Each row carries what a hit must show without another query: the
-- concept's preferred label in the row's language (or in English, marked by display_language,
-- when the language has none), and the languages that have a preferred label, so that a query in
-- a language the concept lacks can fall back to its English labels.
create view taxonomy_search_label as
select md5(l.concept_uri || E'\x1f' || l.language || E'\x1f' || l.kind || E'\x1f' || l.label) as id,
       l.concept_uri,
       c.concept_type,
       l.language,
       l.kind,
       l.label,
       coalesce(own.label, en.label, l.label) as display_label,
       case when own.label is not null or en.label is null then l.language else 'en' end
           as display_language,
       array(select distinct p.language
             from taxonomy_label p
             where p.kind = 'PREFERRED' and p.language in ('fi', 'sv', 'en', 'no')
               and p.concept_uri = l.concept_uri
             order by 1) as preferred_languages
from taxonomy_label l
join taxonomy_concept c on c.uri = l.concept_uri
left join lateral (select p.label
                   from taxonomy_label p
                   where p.concept_uri = l.concept_uri and p.language = l.language
                     and p.kind = 'PREFERRED'
                   order by p.position, p.label
                   limit 1) own on true
left join lateral (select p.label
                   from taxonomy_label p
                   where p.concept_uri = l.concept_uri and p.language = 'en'
                     and p.kind = 'PREFERRED'
                   order by p.position, p.label
                   limit 1) en on true
where not c.obsolete
  and l.language in ('fi', 'sv', 'en', 'no');

-- Hibernate Search's mass indexer loads documents by id in batches; this index lets those lookups
-- reach the label rows directly instead of computing the id of every label for every batch.
create index taxonomy_label_search_id
    on taxonomy_label (md5(concept_uri || E'\x1f' || language || E'\x1f' || kind || E'\x1f' || label));
