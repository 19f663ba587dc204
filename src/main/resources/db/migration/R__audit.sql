-- The audit log is append-only: the application inserts; the database refuses every update,
-- delete and truncate (table: V4). Repeatable: Flyway runs it again whenever it changes.

create or replace function audit_event_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_event is append-only: % refused', tg_op;
end;
$$;

create or replace trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

create or replace trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
