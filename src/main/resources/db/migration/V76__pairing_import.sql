-- Pairings brought in by a spreadsheet import carry their batch, so that the batch can be undone
-- while nothing has happened to them since (no visit, not ended or handed over).
alter table pairing add column import_batch_id bigint;
create index pairing_import_batch on pairing (import_batch_id) where import_batch_id is not null;
