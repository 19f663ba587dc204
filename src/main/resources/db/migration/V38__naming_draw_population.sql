-- 回访抽查 repeated: the ids of the titles a draw chose from (the population, in id order, as it
-- stood on the draw day), so that anyone can shuffle them again with the recorded seed and get the
-- same titles, however the titles have moved since.
alter table naming_draw add column population_ids text not null default '';
