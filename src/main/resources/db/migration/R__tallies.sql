-- The tallies: per-county counts that statement triggers keep exact in the transaction of every
-- change, so a province's figures sum thousands of rows instead of millions. Why triggers, and
-- which table, reader and test go together: db/TALLIES.md.
--
-- Each tally is defined once, below, as one aggregate over its source rows, every row carrying a
-- delta: in a trigger the statement's transition tables (-1 for a row as it was, +1 for a row as
-- it is), in recount_tallies() every row of the table (+1). The trigger functions are written
-- from these definitions when this file runs (create_tally_function), as plain SQL planned once
-- per session; recount_tallies() runs the same statements over every row, so the two cannot
-- disagree. Only the tables live in versioned migrations (V9, V12, V20, V41).
--
-- Repeatable: Flyway runs this file after the versioned migrations, and again whenever it
-- changes; it ends by counting every tally again, so a changed definition is never half applied.

-- The county of a region code, the key of every tally: its first six digits (a cadre placed
-- higher keeps their shorter code).
create or replace function tally_county(region_code text) returns text
    language sql immutable parallel safe
    return left(region_code, 6);

create or replace function tally_month(day date) returns date
    language sql immutable parallel safe
    return date_trunc('month', day)::date;

-- The rows a statement changed, as one query over its transition tables: old rows signed -1,
-- new rows +1 ('*' for whole rows).
create or replace function tally_changes(operation text, columns text) returns text
    language sql immutable
    return case operation
        when 'INSERT' then format('select %s, 1 as delta from new_rows', columns)
        when 'DELETE' then format('select %s, -1 as delta from old_rows', columns)
        else format('select %s, -1 as delta from old_rows union all select %s, 1 from new_rows', columns, columns)
    end;

-- The rows of a table as they are, each +1: what a recount adds up.
create or replace function tally_rows(source text, filter text default 'true') returns text
    language sql immutable
    return format('select *, 1 as delta from %I where %s', source, filter);

-- The statement that adds counts to a tally. The counts' columns are named as the tally's: its
-- primary key, and the measures added to the row of the same key. Rows are written in key order
-- (concurrent writers lock them in one order), and counts that add nothing are left out, so an
-- edit that moves nothing (a note, a phone number) writes nothing.
create or replace function tally_add(tally regclass, counts text) returns text
    language sql stable
    return (
        select format('insert into %1$s as t (%2$s) select %2$s from (%3$s) counts where %4$s order by %5$s '
                      'on conflict (%5$s) do update set %6$s', tally,
                      string_agg(quote_ident(attname), ', ' order by key_position nulls last, attnum), counts,
                      string_agg(format('%I <> 0', attname), ' or ' order by attnum) filter (where key_position is null),
                      string_agg(quote_ident(attname), ', ' order by key_position) filter (where key_position is not null),
                      string_agg(format('%1$I = t.%1$I + excluded.%1$I', attname), ', ' order by attnum)
                          filter (where key_position is null))
        from (select a.attname, a.attnum, array_position(i.indkey::int2[], a.attnum) as key_position
              from pg_attribute a join pg_index i on i.indrelid = a.attrelid and i.indisprimary
              where a.attrelid = tally and a.attnum > 0 and not a.attisdropped) tally_columns);

-- Runs statements in order. Not for trigger functions: a statement trigger's transition tables
-- are seen only by the statements of the trigger function itself, so those loop on their own.
create or replace function tally_run(statements text[]) returns void
    language plpgsql as
$$
declare
    statement text;
begin
    foreach statement in array statements loop
        execute statement;
    end loop;
end;
$$;

-- The three statement triggers (insert, update, delete) through which a table's changes reach a
-- tally function; run again, it leaves them as they are.
create or replace function create_tally_triggers(source regclass, changes text) returns void
    language plpgsql as
$$
begin
    execute format('create or replace trigger %1$s_on_insert after insert on %2$s referencing new table as new_rows '
                   'for each statement execute function %1$s()', changes, source);
    execute format('create or replace trigger %1$s_on_update after update on %2$s referencing old table as old_rows '
                   'new table as new_rows for each statement execute function %1$s()', changes, source);
    execute format('create or replace trigger %1$s_on_delete after delete on %2$s referencing old table as old_rows '
                   'for each statement execute function %1$s()', changes, source);
end;
$$;

-- Writes a tally trigger function: for each kind of statement, the statements its source table's
-- function (household_tallies …) gives for that statement's changes, as plain SQL that PL/pgSQL
-- plans once per session instead of once per statement. Run again whenever this file changes.
create or replace function create_tally_function(name text, tallies regproc) returns void
    language plpgsql as
$$
declare
    body       text := '';
    operation  text;
    statements text[];
begin
    foreach operation in array array['INSERT', 'UPDATE', 'DELETE'] loop
        execute format('select %s($1)', tallies) using tally_changes(operation, '*') into statements;
        body := body || format(E'    %s tg_op = %L then\n', case operation when 'INSERT' then 'if' else 'elsif' end, operation)
            || (select string_agg(format(E'        %s;\n', regexp_replace(statement, '^select ', 'perform ')), '')
                from unnest(statements) statement);
    end loop;
    execute format(E'create or replace function %I() returns trigger\n    language plpgsql as\n$body$\nbegin\n'
                   || E'%s    end if;\n    return null;\nend;\n$body$', name, body);
end;
$$;

-- The definitions, one per tally: the counts of some source rows, keyed as the tally is.

-- household_tally: households per county and exact set of categories. A program's target is the
-- sum over the sets that share a bit with its target categories.
create or replace function household_tally(households text) returns text
    language sql immutable
    return format($q$
        select tally_county(region_code) as county_code, categories, sum(delta) as households
        from (%s) households
        group by 1, 2
        $q$, households);

-- The pairings the coverage counts: active, of a household in the program's target categories
-- (the pairing carries its household's categories, V7), signed by both sides' deltas.
create or replace function target_pairings(pairings text, programs text) returns text
    language sql immutable
    return format($q$
        select p.program_id, p.region_code, coalesce(p.last_visit_on, p.started_on) as contact_on, p.delta * g.delta as delta
        from (%s) p join (%s) g on g.id = p.program_id
        where p.ended_on is null and p.household_categories & g.target_categories <> 0
        $q$, pairings, programs);

-- pairing_tally: a program's target pairings per county.
create or replace function pairing_tally(pairings text, programs text) returns text
    language sql immutable
    return format($q$
        select program_id, tally_county(region_code) as county_code, sum(delta) as pairings
        from (%s) pairings
        group by 1, 2
        $q$, target_pairings(pairings, programs));

-- pairing_contact_tally: the same by last contact (last visit, or start if never visited). Those
-- contacted since a program's cutoff are a few days' rows; overdue = paired - those.
create or replace function pairing_contact_tally(pairings text, programs text) returns text
    language sql immutable
    return format($q$
        select program_id, contact_on, tally_county(region_code) as county_code, sum(delta) as pairings
        from (%s) pairings
        group by 1, 2, 3
        $q$, target_pairings(pairings, programs));

-- cadre_load: the active pairings (of any household) each cadre holds in each program.
create or replace function cadre_load(pairings text) returns text
    language sql immutable
    return format($q$
        select program_id, cadre_id, sum(delta) as households
        from (%s) pairings
        where ended_on is null
        group by 1, 2
        $q$, pairings);

-- cadre_count: active cadres per county and level.
create or replace function cadre_count(cadres text) returns text
    language sql immutable
    return format($q$
        select tally_county(region_code) as county_code, level, sum(delta) as cadres
        from (%s) cadres
        where left_on is null
        group by 1, 2
        $q$, cadres);

-- cadre_tally: active cadres holding at least one household of a program, by county, level and
-- load. Cadres below quota = (all - loaded) when the minimum is above zero + loaded below it.
create or replace function cadre_tally(loads text, cadres text) returns text
    language sql immutable
    return format($q$
        select l.program_id, tally_county(c.region_code) as county_code, c.level, l.households,
               sum(l.delta * c.delta) as cadres
        from (%s) l join (%s) c on c.id = l.cadre_id
        where c.left_on is null and l.households > 0
        group by 1, 2, 3, 4
        $q$, loads, cadres);

-- visit_tally: visits per county, day and kind.
create or replace function visit_tally(visits text) returns text
    language sql immutable
    return format($q$
        select tally_county(region_code) as county_code, visited_on, kind, sum(delta) as visits
        from (%s) visits
        group by 1, 2, 3
        $q$, visits);

-- visit_month_tally: the same per month, so a year is summed from twelve months, not 365 days.
create or replace function visit_month_tally(visits text) returns text
    language sql immutable
    return format($q$
        select tally_county(region_code) as county_code, tally_month(visited_on) as visited_month, kind,
               sum(delta) as visits
        from (%s) visits
        group by 1, 2, 3
        $q$, visits);

-- petition_tally: petitions per county and month received, by what the figures ask of them; the
-- days to close summed over those closed now. Overdue changes with the date, not the rows: it is
-- never tallied (PetitionFigures counts it from the open petitions).
create or replace function petition_tally(petitions text) returns text
    language sql immutable
    return format($q$
        select tally_county(region_code) as county_code, tally_month(received_on) as received_month,
               first_pushed_on is not null as pushed, first_accepted_on is not null as accepted,
               coalesce(outcome, '') as outcome, coalesce(rating, '') as rating, closed_on is not null as ever_closed,
               reopen_count > 0 as reopened, sum(delta) as petitions,
               sum(delta * case when outcome is not null then closed_on - received_on else 0 end) as days_to_close
        from (%s) petitions
        group by 1, 2, 3, 4, 5, 6, 7, 8
        $q$, petitions);

-- unit_tally: units per county, kind, state and whether their rules are on the wall (规程上墙).
create or replace function unit_tally(units text) returns text
    language sql immutable
    return format($q$
        select tally_county(region_code) as county_code, kind, state, wall_posted_on is not null as wall_posted,
               sum(delta) as units
        from (%s) units
        group by 1, 2, 3, 4
        $q$, units);

-- naming_tally: titles per county of their holder, level, holder kind and state as stored (a live
-- title past its last day stays in its live state until the daily sweep moves it).
create or replace function naming_tally(titles text) returns text
    language sql immutable
    return format($q$
        select tally_county(holder_region_code) as county_code, level, holder_kind, state, sum(delta) as titles
        from (%s) titles
        group by 1, 2, 3, 4
        $q$, titles);

-- yuziyuan_tally: 育籽员 per county of their home membership (yuziyuan_cadre).
create or replace function yuziyuan_tally(cadres text) returns text
    language sql immutable
    return format($q$
        select tally_county(region_code) as county_code, sum(delta) as yuziyuan
        from (%s) cadres
        group by 1
        $q$, cadres);

-- A 育籽员's home membership, the one that counts them (yuziyuan_cadre): their earliest, by joined_on
-- and then id, active 育籽员 membership of an active unit. The homes of every cadre, or of those in
-- the statement's materialised cte named by cadres.
create or replace function yuziyuan_homes(cadres text default null) returns text
    language sql immutable
    return format($q$
        select distinct on (m.cadre_id) m.cadre_id, m.id as membership_id, m.region_code
        from unit_membership m join campaign_unit u on u.id = m.unit_id
        where m.role = 'YUZIYUAN' and m.left_on is null and u.state = 'ACTIVE'%s
        order by m.cadre_id, m.joined_on, m.id
        $q$, case when cadres is not null then format(' and m.cadre_id in (select cadre_id from %I)', cadres) else '' end);

-- The cadres whose home some memberships may have moved: those whose 育籽员 membership came, went,
-- or changed unit, region, joining day or whether it is left.
create or replace function yuziyuan_cadres_of_memberships(memberships text) returns text
    language sql immutable
    return format($q$
        select cadre_id from (%s) m where role = 'YUZIYUAN'
        group by id, cadre_id, unit_id, region_code, joined_on, left_on is null having sum(delta) <> 0
        $q$, memberships);

-- The cadres whose home some units may have moved: the 育籽员 of units that came, went or changed
-- state (a unit that moves region moves its memberships, which say so themselves).
create or replace function yuziyuan_cadres_of_units(units text) returns text
    language sql immutable
    return format($q$
        select m.cadre_id
        from (select id from (%s) u group by id, state having sum(delta) <> 0) changed
        join unit_membership m on m.unit_id = changed.id
        where m.role = 'YUZIYUAN' and m.left_on is null
        $q$, units);

-- The statements that bring yuziyuan_cadre up to date for some cadres (a query of cadre_id): the
-- homes they hold and the locks they need first (see below). Each statement works out the cadres
-- once (a materialised cte), from the statement's few changed rows, and finds their memberships
-- by cadre, so that no plan can walk the memberships once per membership, with statistics or
-- without (right after a bulk load, before autovacuum has counted the table). A home that moved
-- or went is deleted, a new one inserted; the table's own trigger passes that on to yuziyuan_tally.
create or replace function yuziyuan_home_statements(cadres text) returns text[]
    language sql immutable
    return array[format($q$
                     with cadres as materialized (%1$s), homes as materialized (%2$s)
                     delete from yuziyuan_cadre y where y.cadre_id in (select cadre_id from cadres)
                     and not exists (select 1 from homes h where h.cadre_id = y.cadre_id
                                     and h.membership_id = y.membership_id and h.region_code = y.region_code)
                     $q$, cadres, yuziyuan_homes('cadres')),
                 format($q$
                     with cadres as materialized (%1$s)
                     insert into yuziyuan_cadre (cadre_id, membership_id, region_code)
                     select h.cadre_id, h.membership_id, h.region_code from (%2$s) h
                     where not exists (select 1 from yuziyuan_cadre y where y.cadre_id = h.cadre_id)
                     order by h.cadre_id
                     $q$, cadres, yuziyuan_homes('cadres'))];

-- A cadre's home depends on all their memberships and those memberships' units, which concurrent
-- transactions may be changing: the cadres are locked first (another writer of the same cadre's
-- memberships waits for this transaction to commit), and the homes are read by later statements,
-- which see what was committed meanwhile. A membership's writer also share-locks the units of the
-- cadres' memberships, so that it waits for a unit being merged (whose trigger cannot see this
-- uncommitted membership) and holds a merge until it commits; units before cadres, as a merge does.
create or replace function yuziyuan_cadre_locks(cadres text) returns text
    language sql immutable
    return format('select 1 from cadre where id in (with cadres as materialized (%s) select cadre_id from cadres) '
                  'order by id for no key update', cadres);

create or replace function yuziyuan_unit_locks(cadres text) returns text
    language sql immutable
    return format('select 1 from campaign_unit where id in (with cadres as materialized (%s) select m.unit_id '
                  'from cadres c join unit_membership m on m.cadre_id = c.cadre_id '
                  'where m.role = ''YUZIYUAN'' and m.left_on is null) order by id for share', cadres);

-- What rows of each source table do to the tallies, whether a statement changed them or a
-- recount reads them all: the statements to run, in order.

create or replace function household_tallies(households text) returns text[]
    language sql stable
    return array[tally_add('household_tally', household_tally(households))];

-- cadre_load's own trigger passes its change on to cadre_tally.
create or replace function pairing_tallies(pairings text) returns text[]
    language sql stable
    return array[tally_add('pairing_tally', pairing_tally(pairings, tally_rows('pairing_program'))),
                 tally_add('pairing_contact_tally', pairing_contact_tally(pairings, tally_rows('pairing_program'))),
                 tally_add('cadre_load', cadre_load(pairings))];

-- A cadre's load moved: the cadre leaves one bucket of cadre_tally and enters another. Cadres
-- who have left count nowhere; a load of zero is counted as "all - loaded".
--
-- The bucket depends on the cadre's county and level, which a concurrent edit of the cadre may be
-- changing: the cadres are locked first (a share lock waits for that edit to commit, and makes
-- the next edit wait for this transaction), and the tally is written by a second statement,
-- which sees the cadre as committed. cadre_tallies reads the loads after its update has locked
-- the cadre, so either way one of the two sees the other's work.
create or replace function cadre_load_tallies(loads text) returns text[]
    language sql stable
    return array[format('select 1 from cadre where id in (select cadre_id from (%s) c) order by id for share', loads),
                 tally_add('cadre_tally', cadre_tally(loads, tally_rows('cadre')))];

-- A cadre came, left, moved or changed level: their count and every load they hold follow.
create or replace function cadre_tallies(cadres text) returns text[]
    language sql stable
    return array[tally_add('cadre_count', cadre_count(cadres)),
                 tally_add('cadre_tally', cadre_tally(tally_rows('cadre_load'), cadres))];

create or replace function visit_tallies(visits text) returns text[]
    language sql stable
    return array[tally_add('visit_tally', visit_tally(visits)),
                 tally_add('visit_month_tally', visit_month_tally(visits))];

create or replace function petition_tallies(petitions text) returns text[]
    language sql stable
    return array[tally_add('petition_tally', petition_tally(petitions))];

-- A unit came, changed or was merged: its count moves, and so do the homes of its 育籽员.
create or replace function unit_tallies(units text) returns text[]
    language sql stable
    return array[tally_add('unit_tally', unit_tally(units)),
                 yuziyuan_cadre_locks(yuziyuan_cadres_of_units(units))]
           || yuziyuan_home_statements(yuziyuan_cadres_of_units(units));

create or replace function membership_tallies(memberships text) returns text[]
    language sql stable
    return array[yuziyuan_unit_locks(yuziyuan_cadres_of_memberships(memberships)),
                 yuziyuan_cadre_locks(yuziyuan_cadres_of_memberships(memberships))]
           || yuziyuan_home_statements(yuziyuan_cadres_of_memberships(memberships));

create or replace function yuziyuan_tallies(cadres text) returns text[]
    language sql stable
    return array[tally_add('yuziyuan_tally', yuziyuan_tally(cadres))];

create or replace function naming_tallies(titles text) returns text[]
    language sql stable
    return array[tally_add('naming_tally', naming_tally(titles))];

-- Which pairings are a program's target depends on its target categories: when they change,
-- that program's pairing tallies are counted again from its rows (an admin's rare edit).
create or replace function pairing_program_recount(program bigint) returns void
    language plpgsql as
$$
declare
    pairings text := tally_rows('pairing', format('program_id = %s', program));
    programs text := tally_rows('pairing_program', format('id = %s', program));
begin
    delete from pairing_tally where program_id = program;
    delete from pairing_contact_tally where program_id = program;
    perform tally_run(array[tally_add('pairing_tally', pairing_tally(pairings, programs)),
                            tally_add('pairing_contact_tally', pairing_contact_tally(pairings, programs))]);
end;
$$;

-- The share lock waits for pairings being written and holds new ones until this edit commits:
-- their triggers would otherwise add to the recount under the old target.
create or replace function pairing_program_target_changed() returns trigger
    language plpgsql as
$$
begin
    lock table pairing in share mode;
    perform pairing_program_recount(new.id);
    return null;
end;
$$;

-- Every tally counted again from the rows, in one transaction: as if every row were inserted
-- again, in the order the tallies build on each other (cadres before the loads that bucket them;
-- the 育籽员's homes, and through them yuziyuan_tally, from the memberships and units as they are).
-- The repair path should a tally ever drift (a bug, a manual edit with triggers disabled):
-- `select recount_tallies();` as the owner; the tables are locked against writers meanwhile.
-- Tests compare the tallies with the rows after every kind of change, so this is a safety net
-- and the seed of a changed definition, not a schedule.
create or replace function recount_tallies() returns void
    language plpgsql as
$$
declare
    recount regprocedure;
begin
    lock table household, pairing, cadre, visit, petition, campaign_unit, unit_membership, naming in share mode;
    truncate household_tally, pairing_tally, pairing_contact_tally, cadre_count, cadre_tally, cadre_load,
             visit_tally, visit_month_tally, petition_tally, unit_tally, naming_tally, yuziyuan_cadre, yuziyuan_tally;
    perform tally_run(household_tallies(tally_rows('household')));
    perform tally_run(cadre_tallies(tally_rows('cadre')));
    perform tally_run(pairing_tallies(tally_rows('pairing')));
    perform tally_run(visit_tallies(tally_rows('visit')));
    perform tally_run(petition_tallies(tally_rows('petition')));
    perform tally_run(array[tally_add('unit_tally', unit_tally(tally_rows('campaign_unit')))]);
    -- Every 育籽员's home, whose insert fills yuziyuan_tally through its trigger.
    execute format('insert into yuziyuan_cadre (cadre_id, membership_id, region_code) %s', yuziyuan_homes());
    perform tally_run(naming_tallies(tally_rows('naming')));
    -- The tallies of later repeatable files (R__tally_*.sql, which run after this one), each with
    -- its own recount_…_tally(): found by name, so that this file needs no line for them.
    for recount in select p.oid::regprocedure from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                   where n.nspname = current_schema() and p.proname like 'recount\_%\_tally' and p.pronargs = 0
                   order by p.proname loop
        execute format('select %s', recount);
    end loop;
end;
$$;

-- The trigger functions, and the triggers as V9, V12 and V20 first made them (and those of V41's tallies).
select create_tally_function('household_tally_changes', 'household_tallies');
select create_tally_function('pairing_tally_changes', 'pairing_tallies');
select create_tally_function('cadre_load_changes', 'cadre_load_tallies');
select create_tally_function('cadre_tally_changes', 'cadre_tallies');
select create_tally_function('visit_tally_changes', 'visit_tallies');
select create_tally_function('petition_tally_changes', 'petition_tallies');
select create_tally_function('unit_tally_changes', 'unit_tallies');
select create_tally_function('membership_tally_changes', 'membership_tallies');
select create_tally_function('yuziyuan_tally_changes', 'yuziyuan_tallies');
select create_tally_function('naming_tally_changes', 'naming_tallies');

select create_tally_triggers('household', 'household_tally_changes');
select create_tally_triggers('pairing', 'pairing_tally_changes');
select create_tally_triggers('cadre_load', 'cadre_load_changes');
select create_tally_triggers('cadre', 'cadre_tally_changes');
select create_tally_triggers('visit', 'visit_tally_changes');
select create_tally_triggers('petition', 'petition_tally_changes');
select create_tally_triggers('campaign_unit', 'unit_tally_changes');
select create_tally_triggers('unit_membership', 'membership_tally_changes');
select create_tally_triggers('yuziyuan_cadre', 'yuziyuan_tally_changes');
select create_tally_triggers('naming', 'naming_tally_changes');

create or replace trigger pairing_program_target_recount after update of target_categories on pairing_program
    for each row when (old.target_categories is distinct from new.target_categories)
    execute function pairing_program_target_changed();

select recount_tallies();
