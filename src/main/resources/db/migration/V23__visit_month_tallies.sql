-- Visits per county, month and kind. The daily tally of V20 is a few thousand rows for a month
-- of a province but over 300,000 for a year of it (a year's trend, a year's dashboard); whole
-- months are summed from this one, and only the days of a partial month at either end of a
-- period from the daily one (VisitFigures).
create table visit_month_tally (
    county_code   varchar(12) not null,
    visited_month date        not null,
    kind          varchar(16) not null,
    visits        bigint      not null,
    primary key (visited_month, county_code, kind)
);

create function visit_month_tally_changes() returns trigger
    language plpgsql as
$$
begin
    execute format($sql$
        insert into visit_month_tally (county_code, visited_month, kind, visits)
        select left(region_code, 6), date_trunc('month', visited_on)::date, kind, sum(delta)
        from (%s) changes
        group by 1, 2, 3 having sum(delta) <> 0 order by 2, 1, 3
        on conflict (visited_month, county_code, kind) do update set visits = visit_month_tally.visits + excluded.visits
        $sql$, tally_changes(tg_op, 'region_code, visited_on, kind'));
    return null;
end;
$$;

select create_tally_triggers('visit', 'visit_month_tally_changes');

insert into visit_month_tally (county_code, visited_month, kind, visits)
select county_code, date_trunc('month', visited_on)::date, kind, sum(visits) from visit_tally group by 1, 2, 3;
