-- Running tallies for the coverage figures of a province or a prefecture.
--
-- Counting coverage live from the rows means reading every household, pairing and cadre below
-- the region: a million of each for Sichuan, two seconds a page. These tables hold the same
-- counts per county (the first six digits of a region code; cadres placed higher keep their
-- shorter code), kept exact by statement triggers in the same transaction as every change, so a
-- province page sums a few thousand rows and is still live: no nightly job, nothing to rebuild.
-- County pages and below, and programs owned below a county, still count the rows themselves
-- (Coverage decides), which also keeps an independent check on these tables in the tests.
--
-- Each trigger turns the statement's transition tables into signed changes (-1 for a row as it
-- was, +1 for a row as it is) and adds them up per key, so a bulk insert costs one upsert per
-- key, and an edit that moves nothing (a note, a phone number) writes nothing.

-- Households per county and exact set of categories: a program's target is the sum over the
-- sets that share a bit with its target categories.
create table household_tally (
    county_code varchar(12) not null,
    categories  integer     not null,
    households  bigint      not null,
    primary key (county_code, categories)
);

-- Active pairings of a program's target households per county.
create table pairing_tally (
    program_id  bigint      not null references pairing_program (id),
    county_code varchar(12) not null,
    pairings    bigint      not null,
    primary key (program_id, county_code)
);

-- The same pairings by their last contact (last visit, or start if never visited). The pairings
-- contacted since a program's cutoff are few days' worth of rows; overdue = paired - those.
create table pairing_contact_tally (
    program_id  bigint      not null references pairing_program (id),
    contact_on  date        not null,
    county_code varchar(12) not null,
    pairings    bigint      not null,
    primary key (program_id, contact_on, county_code)
);

-- Active pairings (of any household) each cadre holds in each program: the cadre's load.
create table cadre_load (
    program_id bigint  not null references pairing_program (id),
    cadre_id   bigint  not null references cadre (id),
    households integer not null,
    primary key (program_id, cadre_id)
);

create index cadre_load_cadre on cadre_load (cadre_id);

-- Active cadres per county and level, and those holding at least one household of a program
-- by their load: cadres below quota = (all - loaded) when the minimum is above zero + loaded
-- below the minimum.
create table cadre_count (
    county_code varchar(12) not null,
    level       varchar(24) not null,
    cadres      bigint      not null,
    primary key (county_code, level)
);

create table cadre_tally (
    program_id  bigint      not null references pairing_program (id),
    county_code varchar(12) not null,
    level       varchar(24) not null,
    households  integer     not null,
    cadres      bigint      not null,
    primary key (program_id, county_code, level, households)
);

-- The rows a statement changed, as one query over its transition tables: old rows signed -1,
-- new rows +1. Callers format it into their own aggregate.
create function tally_changes(operation text, columns text) returns text
    language sql immutable
    return case operation
        when 'INSERT' then format('select %s, 1 as delta from new_rows', columns)
        when 'DELETE' then format('select %s, -1 as delta from old_rows', columns)
        else format('select %s, -1 as delta from old_rows union all select %s, 1 from new_rows', columns, columns)
    end;

-- The three statement triggers (insert, update, delete) through which a table's changes reach a
-- tally function.
create function create_tally_triggers(source regclass, changes text) returns void
    language plpgsql as
$$
begin
    execute format('create trigger %1$s_on_insert after insert on %2$s referencing new table as new_rows '
                   'for each statement execute function %1$s()', changes, source);
    execute format('create trigger %1$s_on_update after update on %2$s referencing old table as old_rows '
                   'new table as new_rows for each statement execute function %1$s()', changes, source);
    execute format('create trigger %1$s_on_delete after delete on %2$s referencing old table as old_rows '
                   'for each statement execute function %1$s()', changes, source);
end;
$$;

create function household_tally_changes() returns trigger
    language plpgsql as
$$
begin
    execute format($sql$
        insert into household_tally (county_code, categories, households)
        select left(region_code, 6), categories, sum(delta)
        from (%s) changes
        group by 1, 2 having sum(delta) <> 0 order by 1, 2
        on conflict (county_code, categories) do update set households = household_tally.households + excluded.households
        $sql$, tally_changes(tg_op, 'region_code, categories'));
    return null;
end;
$$;

create function pairing_tally_changes() returns trigger
    language plpgsql as
$$
declare
    changes text := tally_changes(tg_op,
        'program_id, cadre_id, region_code, household_categories, coalesce(last_visit_on, started_on) as contact_on, ended_on');
begin
    execute format($sql$
        insert into pairing_tally (program_id, county_code, pairings)
        select c.program_id, left(c.region_code, 6), sum(delta)
        from (%s) c join pairing_program p on p.id = c.program_id
        where c.ended_on is null and c.household_categories & p.target_categories <> 0
        group by 1, 2 having sum(delta) <> 0 order by 1, 2
        on conflict (program_id, county_code) do update set pairings = pairing_tally.pairings + excluded.pairings
        $sql$, changes);
    execute format($sql$
        insert into pairing_contact_tally (program_id, contact_on, county_code, pairings)
        select c.program_id, c.contact_on, left(c.region_code, 6), sum(delta)
        from (%s) c join pairing_program p on p.id = c.program_id
        where c.ended_on is null and c.household_categories & p.target_categories <> 0
        group by 1, 2, 3 having sum(delta) <> 0 order by 1, 2, 3
        on conflict (program_id, contact_on, county_code) do update set pairings = pairing_contact_tally.pairings + excluded.pairings
        $sql$, changes);
    execute format($sql$
        insert into cadre_load (program_id, cadre_id, households)
        select program_id, cadre_id, sum(delta)
        from (%s) c
        where ended_on is null
        group by 1, 2 having sum(delta) <> 0 order by 1, 2
        on conflict (program_id, cadre_id) do update set households = cadre_load.households + excluded.households
        $sql$, changes);
    return null;
end;
$$;

-- A cadre's load moved: the cadre leaves one bucket of cadre_tally and enters another. Cadres
-- who have left count nowhere; a load of zero is counted as "all - loaded".
--
-- The bucket depends on the cadre's county and level, which a concurrent edit of the cadre may be
-- changing: the cadres are locked first (a share lock waits for that edit to commit, and makes
-- the next edit wait for this transaction), and the tally is written by a second statement,
-- which sees the cadre as committed. cadre_tally_changes reads the loads after its update has
-- locked the cadre, so either way one of the two sees the other's work.
create function cadre_load_changes() returns trigger
    language plpgsql as
$$
declare
    changes text := tally_changes(tg_op, 'program_id, cadre_id, households');
begin
    execute format('select 1 from cadre where id in (select cadre_id from (%s) c) order by id for share', changes);
    execute format($sql$
        insert into cadre_tally (program_id, county_code, level, households, cadres)
        select l.program_id, left(c.region_code, 6), c.level, l.households, sum(delta)
        from (%s) l join cadre c on c.id = l.cadre_id
        where c.left_on is null and l.households > 0
        group by 1, 2, 3, 4 having sum(delta) <> 0 order by 1, 2, 3, 4
        on conflict (program_id, county_code, level, households) do update set cadres = cadre_tally.cadres + excluded.cadres
        $sql$, changes);
    return null;
end;
$$;

-- A cadre came, left, moved or changed level: their count and every load they hold follow.
create function cadre_tally_changes() returns trigger
    language plpgsql as
$$
declare
    changes text := tally_changes(tg_op, 'id, region_code, level, left_on');
begin
    execute format($sql$
        insert into cadre_count (county_code, level, cadres)
        select left(region_code, 6), level, sum(delta)
        from (%s) c
        where left_on is null
        group by 1, 2 having sum(delta) <> 0 order by 1, 2
        on conflict (county_code, level) do update set cadres = cadre_count.cadres + excluded.cadres
        $sql$, changes);
    execute format($sql$
        insert into cadre_tally (program_id, county_code, level, households, cadres)
        select l.program_id, left(c.region_code, 6), c.level, l.households, sum(delta)
        from (%s) c join cadre_load l on l.cadre_id = c.id
        where c.left_on is null and l.households > 0
        group by 1, 2, 3, 4 having sum(delta) <> 0 order by 1, 2, 3, 4
        on conflict (program_id, county_code, level, households) do update set cadres = cadre_tally.cadres + excluded.cadres
        $sql$, changes);
    return null;
end;
$$;

-- Which pairings are a program's target depends on its target categories: when they change,
-- that program's pairing tallies are counted again from its rows (an admin's rare edit).
create function pairing_program_recount(program bigint) returns void
    language sql as
$$
delete from pairing_tally where program_id = program;
delete from pairing_contact_tally where program_id = program;
insert into pairing_tally (program_id, county_code, pairings)
select p.program_id, left(p.region_code, 6), count(*)
from pairing p join pairing_program g on g.id = p.program_id
where p.program_id = program and p.ended_on is null and p.household_categories & g.target_categories <> 0
group by 1, 2;
insert into pairing_contact_tally (program_id, contact_on, county_code, pairings)
select p.program_id, coalesce(p.last_visit_on, p.started_on), left(p.region_code, 6), count(*)
from pairing p join pairing_program g on g.id = p.program_id
where p.program_id = program and p.ended_on is null and p.household_categories & g.target_categories <> 0
group by 1, 2, 3;
$$;

-- The share lock waits for pairings being written and holds new ones until this edit commits:
-- their triggers would otherwise add to the recount under the old target.
create function pairing_program_target_changed() returns trigger
    language plpgsql as
$$
begin
    lock table pairing in share mode;
    perform pairing_program_recount(new.id);
    return null;
end;
$$;

select create_tally_triggers('household', 'household_tally_changes');
select create_tally_triggers('pairing', 'pairing_tally_changes');
select create_tally_triggers('cadre_load', 'cadre_load_changes');
select create_tally_triggers('cadre', 'cadre_tally_changes');

create trigger pairing_program_target_recount after update of target_categories on pairing_program
    for each row when (old.target_categories is distinct from new.target_categories)
    execute function pairing_program_target_changed();

-- What exists already.
insert into household_tally (county_code, categories, households)
select left(region_code, 6), categories, count(*) from household group by 1, 2;

select pairing_program_recount(id) from pairing_program;

insert into cadre_count (county_code, level, cadres)
select left(region_code, 6), level, count(*) from cadre where left_on is null group by 1, 2;

-- Filling cadre_load fires its trigger, which fills cadre_tally.
insert into cadre_load (program_id, cadre_id, households)
select program_id, cadre_id, count(*) from pairing where ended_on is null group by 1, 2;
