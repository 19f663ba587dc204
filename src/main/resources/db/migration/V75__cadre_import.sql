-- Cadres brought in by a spreadsheet import carry their batch, like households (V70), so that
-- the batch can be undone while nothing has happened to them since.
alter table cadre add column import_batch_id bigint;
create index cadre_import_batch on cadre (import_batch_id) where import_batch_id is not null;
