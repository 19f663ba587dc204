-- One row per create form submitted: the token the form carried when it was opened, and the
-- record its first submission made. A second submission of the same form (a double click, a
-- browser retry after an answer lost when the database restarted) finds the record instead of
-- making another. Rows older than SubmissionTokens.KEPT are purged as new ones come in.
create table submission (
    token       uuid         primary key,
    kind        varchar(40)  not null,
    record_id   varchar(40),
    username    varchar(64)  not null,
    created_at  timestamptz  not null default now()
);

create index submission_created_at on submission (created_at);
