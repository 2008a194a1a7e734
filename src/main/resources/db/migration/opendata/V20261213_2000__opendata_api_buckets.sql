-- API clients' quota buckets, shared by every node (module opendata, docs/open-data.md): one row
-- per OAuth client, in the shape Bucket4j's PostgreSQL integration reads and writes (its
-- select-for-update proxy manager). state is Bucket4j's serialised bucket; expires_at
-- (milliseconds since the epoch) is when the bucket is full again, after which the row can go.
--
-- Unlogged: a request's bucket update writes no WAL, so its commit does not wait for a flush to
-- disk (measured with ./osaava bench api-quotas). After a crash of the database the table is
-- empty and every client starts with a full bucket, and a standby has no copy: both only forgive
-- at most a minute's requests.
create unlogged table od_api_bucket (
  client_id  text primary key,
  state      bytea,
  expires_at bigint
);
create index od_api_bucket_expires on od_api_bucket (expires_at);
