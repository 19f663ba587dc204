-- A re-check closed without a result: its title left 复查中 another way (revoked, expired, or
-- ended by its renewal), so no result will be recorded; the re-check says when and as what,
-- rather than waiting for ever.
alter table naming_recheck
    add column closed_on date,
    add column closed_as varchar(16) check (closed_as in ('REVOKED', 'EXPIRED', 'RENEWED')),
    add constraint naming_recheck_closed check ((closed_on is null) = (closed_as is null)
                                                and (closed_on is null or result is null));

-- The re-checks left open by titles that had already left 复查中: closed on the day of the step that
-- took the title out.
update naming_recheck r
set closed_on = coalesce((select max(e.on_date) from naming_event e where e.naming_id = n.id), current_date),
    closed_as = n.state,
    version = r.version + 1
from naming n
where n.id = r.naming_id and r.result is null and n.state in ('REVOKED', 'EXPIRED', 'RENEWED');
