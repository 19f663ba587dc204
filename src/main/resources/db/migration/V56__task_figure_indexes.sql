-- The task figures at province scale read indexes only (every column they test is in the index):
-- the instances due in a period by their due date in force, those still owing their report, those
-- waiting for their 签收; each ordered by due date and id as the list behind the figure pages them.
-- The lists page counts each list's instances by state from the list's own index.
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
