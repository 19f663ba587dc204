-- The copies a pairing and a visit keep of their household and visits, so that the pairing
-- lists and the coverage read one table (tables: V6, V7, V8). The tallies count these columns;
-- their triggers are in R__tallies.sql. Repeatable: Flyway runs it again whenever it changes.

-- When the next visit of a pairing is due; lists compare it with today to find the overdue.
create or replace function pairing_due_on(since date, interval_days integer) returns date
    language sql immutable parallel safe
    return since + interval_days;

-- A pairing's last visit, so "overdue" needs no scan of the visits.
create or replace function pairing_last_visit() returns trigger
    language plpgsql as
$$
declare
    changed bigint := coalesce(new.pairing_id, old.pairing_id);
begin
    update pairing set last_visit_on = (select max(visited_on) from visit where pairing_id = changed)
    where id = changed;
    if tg_op = 'UPDATE' and old.pairing_id <> new.pairing_id then
        update pairing set last_visit_on = (select max(visited_on) from visit where pairing_id = old.pairing_id)
        where id = old.pairing_id;
    end if;
    return null;
end;
$$;

create or replace trigger visit_keeps_pairing_last_visit
    after insert or update of visited_on, pairing_id or delete on visit
    for each row execute function pairing_last_visit();

-- The household's categories on the pairing row: set when a pairing is made, following every
-- change of the household's categories.
create or replace function pairing_copy_household_categories() returns trigger
    language plpgsql as
$$
begin
    new.household_categories := (select categories from household where id = new.household_id);
    return new;
end;
$$;

create or replace trigger pairing_takes_household_categories
    before insert or update of household_id on pairing
    for each row execute function pairing_copy_household_categories();

create or replace function household_categories_to_pairings() returns trigger
    language plpgsql as
$$
begin
    update pairing set household_categories = new.categories where household_id = new.id;
    return null;
end;
$$;

create or replace trigger household_gives_categories_to_pairings
    after update of categories on household
    for each row when (old.categories is distinct from new.categories)
    execute function household_categories_to_pairings();

-- A household that moves to another village takes its pairings and visits along: they are in
-- scope wherever the household is, so their copies of its region must follow every move.
create or replace function household_region_to_pairings() returns trigger
    language plpgsql as
$$
begin
    update pairing set region_code = new.region_code where household_id = new.id;
    update visit set region_code = new.region_code where household_id = new.id;
    return null;
end;
$$;

create or replace trigger household_takes_pairings_along
    after update of region_code on household
    for each row when (old.region_code is distinct from new.region_code)
    execute function household_region_to_pairings();
