-- The activity tallies (db/TALLIES.md): sessions and participants per county, month of the first
-- day and kind (activity_tally), and per first day, county and kind (activity_day_tally, for the
-- days around a period's whole months), kept by statement triggers with the helpers of
-- R__tallies.sql (which Flyway runs before this file: repeatable migrations go by name). Defined once, as one aggregate over signed
-- rows, for the triggers and for the recount alike.

create or replace function activity_tally(activities text) returns text
    language sql immutable
    return format($q$
        select tally_county(region_code) as county_code, tally_month(started_on) as started_month, kind,
               sum(delta) as sessions, sum(delta * participants) as participants
        from (%s) activities
        group by 1, 2, 3
        $q$, activities);

create or replace function activity_day_tally(activities text) returns text
    language sql immutable
    return format($q$
        select started_on, tally_county(region_code) as county_code, kind,
               sum(delta) as sessions, sum(delta * participants) as participants
        from (%s) activities
        group by 1, 2, 3
        $q$, activities);

create or replace function activity_tallies(activities text) returns text[]
    language sql stable
    return array[tally_add('activity_tally', activity_tally(activities)),
                 tally_add('activity_day_tally', activity_day_tally(activities))];

-- The repair path: `select recount_activity_tally();`, which recount_tallies() also runs (it finds every
-- recount_…_tally() by name).
create or replace function recount_activity_tally() returns void
    language plpgsql as
$$
begin
    lock table activity in share mode;
    truncate activity_tally, activity_day_tally;
    perform tally_run(activity_tallies(tally_rows('activity')));
end;
$$;

select create_tally_function('activity_tally_changes', 'activity_tallies');
select create_tally_triggers('activity', 'activity_tally_changes');

select recount_activity_tally();

-- Statistics now, so that the first figures after a deploy are planned on the tallies as they are.
analyze activity_tally, activity_day_tally;
