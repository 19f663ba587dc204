-- The visit list shows the newest first. For a prefecture or the province, walking visits from the
-- newest and keeping those in the region finds a page after a few hundred rows; sorting every
-- visit of the region (hundreds of thousands) took most of the page's time. Kind and follow-up
-- ride along in the region index, so the list's capped count reads the index alone.
create index visit_recent on visit (visited_on desc, id desc);

drop index visit_region_date;
create index visit_region_date on visit (region_code text_pattern_ops, visited_on) include (kind, follow_up_needed);
