-- A title's history and a unit's history are append-only: no update, no delete.
create or replace function refuse_history_change() returns trigger language plpgsql as $$
begin
    raise exception 'history rows of % are append-only', tg_table_name using errcode = 'P0001';
end $$;

drop trigger if exists naming_event_append_only on naming_event;
create trigger naming_event_append_only before update or delete on naming_event
    for each row execute function refuse_history_change();

drop trigger if exists unit_event_append_only on unit_event;
create trigger unit_event_append_only before update or delete on unit_event
    for each row execute function refuse_history_change();
