-- The task tallies (db/TALLIES.md): task instances per county, due date in force, state and
-- whether reported by that date (task_tally), and per list, due date in force and state
-- (task_list_tally), kept by statement triggers with the helpers of R__tallies.sql (which Flyway
-- runs before this file: repeatable migrations go by name). Defined once, as one aggregate over
-- signed rows, for the triggers and for the recount alike. The sets they serve are those of
-- TaskFigure; on_time is its ON_TIME test of the report date (false while none is reported).

create or replace function task_tally(instances text) returns text
    language sql immutable
    return format($q$
        select tally_county(region_code) as county_code, coalesce(granted_due_on, due_on) as due_on, state,
               coalesce(reported_on <= coalesce(granted_due_on, due_on), false) as on_time, sum(delta) as instances
        from (%s) instances
        group by 1, 2, 3, 4
        $q$, instances);

-- task_list_tally: the same per list, for the issuer's lists page.
create or replace function task_list_tally(instances text) returns text
    language sql immutable
    return format($q$
        select list_id, coalesce(granted_due_on, due_on) as due_on, state, sum(delta) as instances
        from (%s) instances
        group by 1, 2, 3
        $q$, instances);

create or replace function task_tallies(instances text) returns text[]
    language sql stable
    return array[tally_add('task_tally', task_tally(instances)), tally_add('task_list_tally', task_list_tally(instances))];

-- The repair path: `select recount_task_tally();`, which recount_tallies() also runs (it finds every
-- recount_…_tally() by name).
create or replace function recount_task_tally() returns void
    language plpgsql as
$$
begin
    lock table task_instance in share mode;
    truncate task_tally, task_list_tally;
    perform tally_run(task_tallies(tally_rows('task_instance')));
end;
$$;

select create_tally_function('task_tally_changes', 'task_tallies');
select create_tally_triggers('task_instance', 'task_tally_changes');

select recount_task_tally();

-- Statistics now, so that the first figures after a deploy are planned as a hash aggregate over the
-- tally rather than as a sort of what the planner took for an empty table.
analyze task_tally, task_list_tally;
