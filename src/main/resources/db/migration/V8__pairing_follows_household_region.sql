-- A household that moves to another village takes its pairings and visits along: they are in
-- scope wherever the household is, so their copies of its region must follow every move.
create function household_region_to_pairings() returns trigger
    language plpgsql as
$$
begin
    update pairing set region_code = new.region_code where household_id = new.id;
    update visit set region_code = new.region_code where household_id = new.id;
    return null;
end;
$$;

create trigger household_takes_pairings_along
    after update of region_code on household
    for each row when (old.region_code is distinct from new.region_code)
    execute function household_region_to_pairings();
