-- The organisation an administrator registers an API client for, by its Finnish business ID: a
-- client publishes services (POST /api/v1/services) only under this business ID. Optional: a
-- client that publishes nothing under a business ID needs none, and existing registrations have
-- none until an administrator adds it.
alter table od_api_client add column business_id text;
