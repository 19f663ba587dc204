-- Running tallies for the petition figures of a province or a prefecture, as V9 does for
-- coverage: a year of Sichuan is 300,000 petitions, a quarter of a second to count each time;
-- these are the same counts per county and month received, kept exact by a statement trigger in
-- the transaction of every change. PetitionFigures sums them for the whole months of a period and
-- counts the rows of the partial months at its ends; overdue (it changes with the date, not with
-- the rows) is always counted from the few open petitions.

create table petition_tally (
    county_code    varchar(12) not null,
    received_month date        not null,
    pushed         boolean     not null,
    accepted       boolean     not null,
    outcome        varchar(12) not null, -- '' while open
    rating         varchar(24) not null, -- '' until rated
    ever_closed    boolean     not null,
    reopened       boolean     not null,
    petitions      bigint      not null,
    days_to_close  bigint      not null, -- of those closed now
    primary key (county_code, received_month, pushed, accepted, outcome, rating, ever_closed, reopened)
);

-- A period's rows of a region, from this index alone (the key's first column is not a prefix index).
create index petition_tally_period on petition_tally (received_month, county_code text_pattern_ops)
    include (pushed, accepted, outcome, rating, ever_closed, reopened, petitions, days_to_close);

create function petition_tally_changes() returns trigger
    language plpgsql as
$$
begin
    execute format($sql$
        insert into petition_tally (county_code, received_month, pushed, accepted, outcome, rating, ever_closed, reopened,
                                    petitions, days_to_close)
        select left(region_code, 6), date_trunc('month', received_on)::date, first_pushed_on is not null,
               first_accepted_on is not null, coalesce(outcome, ''), coalesce(rating, ''), closed_on is not null,
               reopen_count > 0, sum(delta), sum(delta * case when outcome is not null then closed_on - received_on else 0 end)
        from (%s) changes
        group by 1, 2, 3, 4, 5, 6, 7, 8 having sum(delta) <> 0 order by 1, 2, 3, 4, 5, 6, 7, 8
        on conflict (county_code, received_month, pushed, accepted, outcome, rating, ever_closed, reopened)
        do update set petitions = petition_tally.petitions + excluded.petitions,
                      days_to_close = petition_tally.days_to_close + excluded.days_to_close
        $sql$, tally_changes(tg_op,
            'region_code, received_on, first_pushed_on, first_accepted_on, outcome, rating, closed_on, reopen_count'));
    return null;
end;
$$;

select create_tally_triggers('petition', 'petition_tally_changes');

insert into petition_tally (county_code, received_month, pushed, accepted, outcome, rating, ever_closed, reopened,
                            petitions, days_to_close)
select left(region_code, 6), date_trunc('month', received_on)::date, first_pushed_on is not null,
       first_accepted_on is not null, coalesce(outcome, ''), coalesce(rating, ''), closed_on is not null,
       reopen_count > 0, count(*), coalesce(sum(closed_on - received_on) filter (where outcome is not null), 0)
from petition
group by 1, 2, 3, 4, 5, 6, 7, 8;

-- Overdue petitions are open ones: counted from this index alone, by region and date received.
drop index petition_open_due;
create index petition_open_due on petition (region_code text_pattern_ops, received_on)
    include (state, accept_due_on, close_due_on)
    where state in ('REGISTERED', 'PUSHED', 'RETURNED', 'ACCEPTED', 'IN_PROGRESS');

-- The ledger shows the newest first: for a prefecture or the province, walking petitions from the
-- newest finds a page at once, where sorting all of a region's took most of a second.
create index petition_recent on petition (received_on desc, id desc) include (region_code, category_id, state);

-- The partial months at the ends of a period, counted from the rows: a few weeks of a whole
-- province, read from this index alone (petition_figures serves a county over any period).
create index petition_figures_by_day on petition (received_on, region_code text_pattern_ops)
    include (state, outcome, rating, reopen_count, closed_on, first_pushed_on, first_accepted_on, accept_due_on,
             close_due_on);
