-- The copies of user names kept outside user_account take the canonical form V29 gave the names
-- themselves (same names: letters, digits and _ . - with capitals), so the exact comparisons of
-- "my work", "my requests" and the sessions of a user find the rows written before the upgrade.
-- Left as written: audit_event (append-only), stored_file (never changed) and frozen monthly
-- reports (never changed); none of them is compared with the signed-in user.
update petition
set handler_username = lower(handler_username)
where handler_username ~ '^[A-Za-z0-9_.-]+$'
  and handler_username <> lower(handler_username);

update petition
set registered_by = lower(registered_by)
where registered_by ~ '^[A-Za-z0-9_.-]+$'
  and registered_by <> lower(registered_by);

update petition_step
set actor_username = lower(actor_username)
where actor_username ~ '^[A-Za-z0-9_.-]+$'
  and actor_username <> lower(actor_username);

update visit
set created_by = lower(created_by)
where created_by ~ '^[A-Za-z0-9_.-]+$'
  and created_by <> lower(created_by);

update monthly_report
set created_by = lower(created_by)
where state = 'DRAFT'
  and created_by ~ '^[A-Za-z0-9_.-]+$'
  and created_by <> lower(created_by);

update second_factor_region
set required_by = lower(required_by)
where required_by ~ '^[A-Za-z0-9_.-]+$'
  and required_by <> lower(required_by);

-- One open request per household and requester: an old open request whose lower-cased twin was
-- sent after V29 stays as it is (it is still decided like any other).
update household_transfer t
set requested_by = lower(t.requested_by)
where t.requested_by ~ '^[A-Za-z0-9_.-]+$'
  and t.requested_by <> lower(t.requested_by)
  and not (t.state = 'SENT' and exists (select 1
                                        from household_transfer o
                                        where o.household_id = t.household_id
                                          and o.requested_by = lower(t.requested_by)
                                          and o.state = 'SENT'));

update household_transfer
set decided_by = lower(decided_by)
where decided_by ~ '^[A-Za-z0-9_.-]+$'
  and decided_by <> lower(decided_by);

update submission
set username = lower(username)
where username ~ '^[A-Za-z0-9_.-]+$'
  and username <> lower(username);

update spring_session
set principal_name = lower(principal_name)
where principal_name ~ '^[A-Za-z0-9_.-]+$'
  and principal_name <> lower(principal_name);
