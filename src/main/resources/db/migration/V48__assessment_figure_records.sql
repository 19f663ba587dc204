-- The records behind a bound article's frozen figure (issue 12: the reviewer sees "frozen figures,
-- masked lists behind them"): which records the figure counted when it was frozen, read through
-- the owning module's figures.FigureRecords with the figure's own query. One row per score; for a
-- rate, part_ids are those of record_ids counted in its part (null for a count). Frozen again
-- with the figure at each (re)submission, so a record added afterwards is not in the list.
create table assessment_figure_records (
    assessment_id bigint      not null,
    node_id       bigint      not null,
    figure_key    varchar(60) not null,
    record_ids    bigint[]    not null,
    part_ids      bigint[],
    frozen_at     timestamptz not null,
    primary key (assessment_id, node_id),
    foreign key (assessment_id, node_id) references assessment_score (assessment_id, node_id) on delete cascade
);
