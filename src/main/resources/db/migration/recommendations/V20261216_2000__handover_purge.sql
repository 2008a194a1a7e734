-- The scheduled purge wipes the summaries of expired hand-overs (HandoverPurge): this finds the
-- ones still holding a summary by their expiry without reading every row.
create index rc_handover_expiring on rc_handover (expires_at) where summary is not null;
