-- Indexes for the supervision figures (InspectionFigures) that the plans use at province scale
-- (40,000 rectifications, EXPLAIN (ANALYZE, BUFFERS) on the benchmark's data): each carries the
-- columns the SQL functions of R__supervision_inspection.sql test, so the counts are read from the
-- index alone instead of a sequential scan of the table with its long texts (41 ms to 22 ms for a
-- province's rectifications today, 17 ms to 0.1 ms for a month's findings).

-- Open or overdue today: the rectifications not yet verified, by region.
create index rectification_open_figures on rectification (region_code text_pattern_ops)
    include (state, opened_on, due_on, reported_on, closed_on)
    where state <> 'VERIFIED';

-- Open or overdue on a past day: those ordered by then.
create index rectification_opened_figures on rectification (opened_on)
    include (region_code, state, due_on, reported_on, closed_on);

-- The findings of a period.
create index finding_found on finding (found_on) include (region_code);
