-- Indexes for the task figures and the lists behind them: the instances due in a period by their
-- due date in force, those still owing their report, those waiting for their 签收, each in the
-- order the list behind the figure pages them (due date, id), with the columns the sets test; and
-- each list's instances by state for the lists page. At province scale (350,000 instances) the
-- planner still prefers a parallel sequential scan for the counts (target/bench-tasks.txt).
create index task_instance_period on task_instance ((coalesce(granted_due_on, due_on)), id)
    include (region_code, state, opens_at, reported_on);

create index task_instance_owing on task_instance ((coalesce(granted_due_on, due_on)), id)
    include (region_code, opens_at)
    where state in ('PENDING', 'ACKNOWLEDGED', 'RETURNED');

create index task_instance_pending on task_instance (opens_at, id)
    include (region_code)
    where state = 'PENDING';

create index task_instance_list_state on task_instance (list_id)
    include (state, due_on, granted_due_on, opens_at);
