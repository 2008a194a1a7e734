-- Webhook subscriptions owned by an organisation's API client (docs/notifications.md, "Who owns a
-- subscription"): a saved search and its subscription belong to a signed-in person or to a client
-- (the token's client id), never both and never neither. A client's search has no inbox or mail.
alter table nt_saved_search
  alter column person_id drop not null,
  add column client_id text,
  add constraint nt_saved_search_one_owner check ((person_id is null) <> (client_id is null));
create index nt_saved_search_client on nt_saved_search (client_id) where client_id is not null;

alter table nt_webhook
  alter column person_id drop not null,
  add column client_id text,
  add constraint nt_webhook_one_owner check ((person_id is null) <> (client_id is null));
create index nt_webhook_client on nt_webhook (client_id, created_at) where client_id is not null;
