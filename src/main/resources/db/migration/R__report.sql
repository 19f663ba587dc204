-- A frozen monthly report never changes and is never deleted, like the audit log (table: V22).
-- Repeatable: Flyway runs it again whenever it changes.

create or replace function monthly_report_frozen() returns trigger
    language plpgsql as
$$
begin
    if old.state = 'FROZEN' then
        raise exception 'monthly_report % is frozen and cannot be changed', old.id using errcode = 'P0001';
    end if;
    return case tg_op when 'DELETE' then old else new end;
end;
$$;

create or replace trigger monthly_report_frozen before update or delete on monthly_report
    for each row execute function monthly_report_frozen();
