-- The files of a frozen monthly report are as frozen as the report row itself (V22): none added,
-- none deleted (R__stored_file_guards.sql already refuses any change to a stored file). And a
-- report is frozen only with both its files, checked when the freezing transaction commits.
create or replace function stored_file_of_frozen_report() returns trigger
    language plpgsql as
$$
declare
    file stored_file := case tg_op when 'DELETE' then old else new end;
begin
    if file.owner_kind = 'monthly-report'
        and exists (select 1 from monthly_report where id = file.owner_id and state = 'FROZEN') then
        raise exception 'the files of monthly_report % are frozen', file.owner_id using errcode = 'P0001';
    end if;
    return file;
end;
$$;

drop trigger if exists stored_file_of_frozen_report on stored_file;
create trigger stored_file_of_frozen_report before insert or delete on stored_file
    for each row execute function stored_file_of_frozen_report();

create or replace function monthly_report_files_kept() returns trigger
    language plpgsql as
$$
begin
    if (select count(distinct content_type) from stored_file
        where owner_kind = 'monthly-report' and owner_id = new.id
          and content_type in ('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
                               'application/vnd.openxmlformats-officedocument.wordprocessingml.document')) < 2 then
        raise exception 'frozen monthly_report % has not got both its files', new.id using errcode = 'P0001';
    end if;
    return null;
end;
$$;

drop trigger if exists monthly_report_files_kept on monthly_report;
create constraint trigger monthly_report_files_kept after insert or update on monthly_report
    deferrable initially deferred
    for each row when (new.state = 'FROZEN') execute function monthly_report_files_kept();
