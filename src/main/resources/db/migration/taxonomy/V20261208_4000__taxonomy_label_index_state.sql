-- Which ESCO import the label autocomplete index was built from, when that index lives in
-- OpenSearch and every node shares it (fi.osaava.taxonomy.internal.search.LabelIndexState). A Lucene
-- index keeps this in a marker file beside its folder instead, since each folder is a node's own.
create table taxonomy_label_index_state (
    index_name text primary key,
    format     integer not null,
    import_id  bigint not null,
    built_at   timestamptz not null
);
