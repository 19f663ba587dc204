-- 移除文件: a file taken off a piece of evidence. The file itself stays in the store (a submission
-- that froze it still holds it, and the record keeps who removed it and when); the piece, the
-- library and later submissions no longer show or freeze it.
create table evidence_file_removal (
    file_id     bigint       primary key,
    evidence_id bigint       not null references evidence (id) on delete cascade,
    removed_by  varchar(100) not null,
    removed_at  timestamptz  not null default now()
);

create index evidence_file_removal_evidence on evidence_file_removal (evidence_id);
