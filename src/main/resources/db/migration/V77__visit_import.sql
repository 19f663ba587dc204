-- Visits brought in by a spreadsheet import (last year's visit ledgers) carry their batch, so
-- that the batch can be undone while nothing has happened to them since.
alter table visit add column import_batch_id bigint;
create index visit_import_batch on visit (import_batch_id) where import_batch_id is not null;
