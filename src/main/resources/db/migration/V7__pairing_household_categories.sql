-- The coverage figures count pairings of target households only. Reading the household's
-- categories from the pairing row itself lets them come from one index, without a join over
-- every household of a prefecture. The database keeps the copy exact: it is set when a pairing
-- is made and follows every change of the household's categories.
alter table pairing add column household_categories integer not null default 0;

update pairing p set household_categories = h.categories from household h where h.id = p.household_id;

create function pairing_copy_household_categories() returns trigger
    language plpgsql as
$$
begin
    new.household_categories := (select categories from household where id = new.household_id);
    return new;
end;
$$;

create trigger pairing_takes_household_categories
    before insert or update of household_id on pairing
    for each row execute function pairing_copy_household_categories();

create function household_categories_to_pairings() returns trigger
    language plpgsql as
$$
begin
    update pairing set household_categories = new.categories where household_id = new.id;
    return null;
end;
$$;

create trigger household_gives_categories_to_pairings
    after update of categories on household
    for each row when (old.categories is distinct from new.categories)
    execute function household_categories_to_pairings();

drop index pairing_active_region;
create index pairing_active_region on pairing (program_id, region_code text_pattern_ops)
    include (household_categories, last_visit_on, started_on, household_id) where ended_on is null;
