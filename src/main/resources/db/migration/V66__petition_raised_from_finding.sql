-- A finding of an inspection that really is a citizen's demand may be registered as a petition:
-- the petition keeps the finding it came from (read through the supervision module's API).
alter table petition add column finding_id bigint references finding (id);
create index petition_finding on petition (finding_id) where finding_id is not null;
