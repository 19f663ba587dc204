-- The administrative division tree. A code is its own path (significant-prefix form), so a
-- subtree is every code that starts with the root's code; text_pattern_ops lets
-- "code like '5133%'" use the index whatever the database collation.
create table region (
    code        varchar(12)  primary key,
    name        varchar(100) not null,
    level       varchar(16)  not null check (level in ('PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code varchar(12)  references region (code),
    retired_at  timestamptz,
    version     bigint       not null default 0,
    check (parent_code is null or code like parent_code || '%')
);

create index region_code_prefix on region (code text_pattern_ops);
create index region_parent on region (parent_code);
