-- Visits per county, day and kind, for the dashboards and the monthly report.
--
-- Counting a province's visits of a month, or of the twelve months of a trend, from the rows
-- reads hundreds of thousands of index entries; this table holds the same counts per county
-- (the first six digits of the visit's region code), day and kind, kept exact by statement
-- triggers in the same transaction as every change, exactly as V9 does for coverage. A month of
-- a province is then a few thousand rows, and still live: no nightly job, nothing to rebuild.
-- Townships and villages, which split a county, still count the rows themselves (VisitFigures).
create table visit_tally (
    county_code varchar(12) not null,
    visited_on  date        not null,
    kind        varchar(16) not null,
    visits      bigint      not null,
    primary key (visited_on, county_code, kind)
);

create index visit_tally_county on visit_tally (county_code text_pattern_ops, visited_on);

-- The same per month: the daily tally is over 300,000 rows for a year of a province (a year's
-- trend or dashboard), so whole months are summed from this one and only the days of a partial
-- month at either end of a period from the daily one (VisitFigures).
create table visit_month_tally (
    county_code   varchar(12) not null,
    visited_month date        not null,
    kind          varchar(16) not null,
    visits        bigint      not null,
    primary key (visited_month, county_code, kind)
);

create function visit_tally_changes() returns trigger
    language plpgsql as
$$
declare
    changes text := tally_changes(tg_op, 'region_code, visited_on, kind');
begin
    execute format($sql$
        insert into visit_tally (county_code, visited_on, kind, visits)
        select left(region_code, 6), visited_on, kind, sum(delta)
        from (%s) changes
        group by 1, 2, 3 having sum(delta) <> 0 order by 2, 1, 3
        on conflict (visited_on, county_code, kind) do update set visits = visit_tally.visits + excluded.visits
        $sql$, changes);
    execute format($sql$
        insert into visit_month_tally (county_code, visited_month, kind, visits)
        select left(region_code, 6), date_trunc('month', visited_on)::date, kind, sum(delta)
        from (%s) changes
        group by 1, 2, 3 having sum(delta) <> 0 order by 2, 1, 3
        on conflict (visited_month, county_code, kind) do update set visits = visit_month_tally.visits + excluded.visits
        $sql$, changes);
    return null;
end;
$$;

select create_tally_triggers('visit', 'visit_tally_changes');

-- What exists already.
insert into visit_tally (county_code, visited_on, kind, visits)
select left(region_code, 6), visited_on, kind, count(*) from visit group by 1, 2, 3;

insert into visit_month_tally (county_code, visited_month, kind, visits)
select county_code, date_trunc('month', visited_on)::date, kind, sum(visits) from visit_tally group by 1, 2, 3;
