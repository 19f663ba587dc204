-- The dashboards' petitions by category: one pass over a region's petitions of a period, read
-- from this index alone (petition_figures does not carry the category).
create index petition_category_figures on petition (region_code text_pattern_ops, received_on)
    include (category_id, outcome);
