-- A stored file never changes once it is whole. Its header row is written last (DatabaseFileStore),
-- so: no update of a header or a chunk, no chunk added to a file whose header exists, and chunks
-- deleted only with their file (the cascade runs once the header is gone). Deleting a whole file
-- stays possible, except where its owner forbids it (R__monthly_report_files.sql).
create or replace function stored_file_unchanged() returns trigger
    language plpgsql as
$$
begin
    raise exception 'stored_file % cannot be changed', old.id using errcode = 'P0001';
end;
$$;

drop trigger if exists stored_file_unchanged on stored_file;
create trigger stored_file_unchanged before update on stored_file
    for each row execute function stored_file_unchanged();

create or replace function stored_file_chunk_unchanged() returns trigger
    language plpgsql as
$$
declare
    file bigint := case tg_op when 'INSERT' then new.file_id else old.file_id end;
begin
    if tg_op = 'UPDATE' or exists (select 1 from stored_file where id = file) then
        raise exception 'stored_file % is whole and cannot be changed', file using errcode = 'P0001';
    end if;
    return case tg_op when 'DELETE' then old else new end;
end;
$$;

drop trigger if exists stored_file_chunk_unchanged on stored_file_chunk;
create trigger stored_file_chunk_unchanged before insert or update or delete on stored_file_chunk
    for each row execute function stored_file_chunk_unchanged();
