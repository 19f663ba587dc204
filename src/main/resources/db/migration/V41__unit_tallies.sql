-- Running tallies for the unit figures of a province or a prefecture, as V9 does for coverage:
-- counted from the rows, a province's network (a centre per township, a studio in most villages,
-- their teams, 育籽员 and ten years of titles) took more than half a second each time. These are the
-- same counts per county (tally_county), kept exact by the statement triggers of R__tallies.sql in
-- the transaction of every change; UnitFigures sums them above a county for the figures standing
-- today and counts the rows at a county and below, and for a past day. R__tallies.sql ends by
-- counting every tally from the rows (recount_tallies), which fills these tables from what exists.

-- Units per county, kind, state and whether their rules are on the wall (规程上墙).
create table unit_tally (
    county_code varchar(12) not null,
    kind        varchar(24) not null,
    state       varchar(12) not null,
    wall_posted boolean     not null,
    units       bigint      not null,
    primary key (county_code, kind, state, wall_posted)
);

-- Titles per county of their holder, level, holder kind and state as stored. A live title past its
-- last day that the daily sweep has not moved yet is still counted in its live state: the figures
-- take those few from the rows (the partial index naming_valid_until finds them).
create table naming_tally (
    county_code varchar(12) not null,
    level       varchar(12) not null,
    holder_kind varchar(12) not null,
    state       varchar(16) not null,
    titles      bigint      not null,
    primary key (county_code, level, holder_kind, state)
);

-- 育籽员 are distinct cadres: each is counted once, at the region of their home membership, the
-- earliest (by joined_on, then id) active 育籽员 membership of an active unit. One row per cadre
-- who has one, kept by the triggers on unit_membership and campaign_unit (which also follow a
-- membership deleted, so membership_id has no foreign key to hold them up).
create table yuziyuan_cadre (
    cadre_id      bigint      primary key references cadre (id),
    membership_id bigint      not null,
    region_code   varchar(12) not null
);

-- A county's 育籽员 of today, and those of its townships and villages (UnitFigures).
create index yuziyuan_cadre_region on yuziyuan_cadre (region_code text_pattern_ops);

-- 育籽员 per county of their home membership.
create table yuziyuan_tally (
    county_code varchar(12) not null primary key,
    yuziyuan    bigint      not null
);

-- The title list's default order (newest named first) and the titles named in a period, by date
-- with the holder's region beside it: a province's first page and this month's titles no longer
-- sort or scan every title.
create index naming_named on naming (named_on desc nulls last, id desc) include (holder_region_code);

