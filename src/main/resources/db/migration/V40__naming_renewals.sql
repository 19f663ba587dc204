-- The renewal of a title, found from the title it renews: the unit figures of a past day leave out a
-- title once its renewal was named (and the naming pages show "renewed by"), which without an index
-- would scan every title for each renewed one.
create index naming_renews on naming (renews_id) where renews_id is not null;
