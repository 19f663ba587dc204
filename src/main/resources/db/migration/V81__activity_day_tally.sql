-- activity_day_tally: the same counts as activity_tally per day instead of month, for the days
-- around a period's whole months (a range from the 15th to the 10th, a quarter begun mid-month).
-- Counted from the rows those days read ~20,000 activities at province level, spread over the
-- heap; here about half as many rows, in day order, kept by the statement triggers of
-- R__tally_activity.sql (db/TALLIES.md). Keyed by day first: a reader asks for a run of days.
create table activity_day_tally (
    started_on   date        not null,
    county_code  varchar(6)  not null,
    kind         varchar(16) not null,
    sessions     bigint      not null default 0,
    participants bigint      not null default 0,
    primary key (started_on, county_code, kind)
);
