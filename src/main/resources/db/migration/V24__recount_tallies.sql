-- Every tally counted again from the rows, in one transaction: the repair path should a tally ever
-- drift (a bug, a manual edit with triggers disabled). `select recount_tallies();` as the owner;
-- the tables are locked against writers meanwhile. Tests compare the tallies with the rows after
-- every kind of change, so this is a safety net, not a schedule.
create function recount_tallies() returns void
    language plpgsql as
$$
begin
    lock table household, pairing, cadre, visit, petition in share mode;
    truncate household_tally, pairing_tally, pairing_contact_tally, cadre_count, cadre_tally, cadre_load,
             visit_tally, visit_month_tally, petition_tally;
    insert into household_tally (county_code, categories, households)
    select left(region_code, 6), categories, count(*) from household group by 1, 2;
    perform pairing_program_recount(id) from pairing_program;
    insert into cadre_count (county_code, level, cadres)
    select left(region_code, 6), level, count(*) from cadre where left_on is null group by 1, 2;
    -- Filling cadre_load fires its trigger, which fills cadre_tally.
    insert into cadre_load (program_id, cadre_id, households)
    select program_id, cadre_id, count(*) from pairing where ended_on is null group by 1, 2;
    insert into visit_tally (county_code, visited_on, kind, visits)
    select left(region_code, 6), visited_on, kind, count(*) from visit group by 1, 2, 3;
    insert into visit_month_tally (county_code, visited_month, kind, visits)
    select left(region_code, 6), date_trunc('month', visited_on)::date, kind, count(*) from visit group by 1, 2, 3;
    insert into petition_tally (county_code, received_month, pushed, accepted, outcome, rating, ever_closed, reopened,
                                petitions, days_to_close)
    select left(region_code, 6), date_trunc('month', received_on)::date, first_pushed_on is not null,
           first_accepted_on is not null, coalesce(outcome, ''), coalesce(rating, ''), closed_on is not null,
           reopen_count > 0, count(*), coalesce(sum(closed_on - received_on) filter (where outcome is not null), 0)
    from petition
    group by 1, 2, 3, 4, 5, 6, 7, 8;
end;
$$;
