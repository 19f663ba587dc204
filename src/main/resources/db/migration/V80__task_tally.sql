-- task_tally: the task instances per county, due date in force, state and whether reported by that
-- date, kept by the statement triggers of R__tally_supervision_task.sql (db/TALLIES.md). Counted
-- from the rows, a province's task figures read ~350,000 instances (a parallel sequential scan:
-- the V56 indexes lose to it at that share of the table); summed from here they read a few
-- thousand tally rows. Whether an instance has opened yet (opens_at) changes with the clock and is
-- never tallied: TaskFigures takes the instances opening since 24 hours ago from the rows, on the
-- index below, and leaves them out of what the tally counted.
create table task_tally (
    county_code varchar(6)  not null,
    due_on      date        not null,
    state       varchar(16) not null,
    on_time     boolean     not null,
    instances   bigint      not null,
    primary key (county_code, due_on, state, on_time)
);

-- task_list_tally: the same instances per list, due date in force and state, for the counts of
-- the issuer's lists page (a page of twenty lists read 40,000 instances): kept by the same triggers.
create table task_list_tally (
    list_id   bigint      not null,
    due_on    date        not null,
    state     varchar(16) not null,
    instances bigint      not null,
    primary key (list_id, due_on, state)
);

-- The instances that opened in the last 24 hours or open later (the edge the tallies cannot know),
-- with what the figures test of them, so that they are read from the index alone; and the same of
-- one list, for its line on the lists page.
create index task_instance_opening on task_instance (opens_at)
    include (region_code, state, due_on, granted_due_on, reported_on);

create index task_instance_list_opening on task_instance (list_id, opens_at) include (state, due_on, granted_due_on);
