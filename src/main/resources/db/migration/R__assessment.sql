-- A published framework version never changes, nor do its nodes: assessments are pinned to it
-- and their scores mean what its articles said. The aggregate refuses first; this is the floor.
create or replace function indicator_framework_frozen() returns trigger
language plpgsql as $$
begin
    if old.state <> 'DRAFT' and (new.kind, new.issuer_region_code, new.name, new.version_number, new.base_points,
            new.pass_mark, new.bonus_cap, new.penalty_cap, new.appeal_days, new.approval_levels, new.demonstration)
            is distinct from (old.kind, old.issuer_region_code, old.name, old.version_number, old.base_points,
            old.pass_mark, old.bonus_cap, old.penalty_cap, old.appeal_days, old.approval_levels, old.demonstration) then
        raise exception 'indicator framework % is published and cannot change', old.id using errcode = 'P0001';
    end if;
    return new;
end $$;

drop trigger if exists indicator_framework_frozen on indicator_framework;
create trigger indicator_framework_frozen before update on indicator_framework
    for each row execute function indicator_framework_frozen();

create or replace function indicator_node_frozen() returns trigger
language plpgsql as $$
declare
    framework_state varchar;
begin
    select state into framework_state from indicator_framework
     where id = case when tg_op = 'DELETE' then old.framework_id else new.framework_id end;
    if framework_state is not null and framework_state <> 'DRAFT' then
        -- only the link back from a later version's copy may be cleared (origin_id on delete set null)
        if tg_op = 'UPDATE' and (to_jsonb(new) - 'origin_id') = (to_jsonb(old) - 'origin_id') then
            return new;
        end if;
        raise exception 'the nodes of published indicator framework % cannot change', coalesce(new.framework_id, old.framework_id)
            using errcode = 'P0001';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

drop trigger if exists indicator_node_frozen on indicator_node;
create trigger indicator_node_frozen before insert or update or delete on indicator_node
    for each row execute function indicator_node_frozen();
