-- The .xlsx and .docx of each frozen monthly report move into the file store (owner kind
-- 'monthly-report'), named as their downloads were. Dropping the two columns also drops the check
-- that named them; what it required of a frozen report (figures, who froze it, both files) is
-- required again: the first two by a check, the files by a trigger at commit, and the files stay
-- as frozen as the report (R__monthly_report_files.sql).
create temporary table moving_report_file (
    file_id      bigint primary key,
    report_id    bigint  not null,
    content_type text    not null,
    is_workbook  boolean not null
) on commit drop;

insert into moving_report_file (file_id, report_id, content_type, is_workbook)
select nextval(pg_get_serial_sequence('stored_file', 'id')), r.id, f.content_type, f.is_workbook
from monthly_report r
         cross join (values ('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', true),
                            ('application/vnd.openxmlformats-officedocument.wordprocessingml.document', false))
    as f(content_type, is_workbook)
where r.state = 'FROZEN'
order by r.id, f.is_workbook desc;

insert into stored_file (id, owner_kind, owner_id, region_code, content_type, filename, size_bytes, sha256,
                         uploaded_by, uploaded_at)
select m.file_id, 'monthly-report', r.id, r.region_code, m.content_type,
       coalesce(r.figures ->> 'regionName', '') || coalesce(r.figures ->> 'periodLabel', '')
           || '民族团结进步创建工作情况汇报（定稿）' || case when m.is_workbook then '.xlsx' else '.docx' end,
       length(d.data), encode(sha256(d.data), 'hex'), r.frozen_by, r.frozen_at
from moving_report_file m
         join monthly_report r on r.id = m.report_id
         cross join lateral (select case when m.is_workbook then r.xlsx else r.docx end as data) d;

insert into stored_file_chunk (file_id, seq, data)
select m.file_id, c.seq, substring(d.data from c.seq * 1048576 + 1 for 1048576)
from moving_report_file m
         join monthly_report r on r.id = m.report_id
         cross join lateral (select case when m.is_workbook then r.xlsx else r.docx end as data) d
         cross join lateral generate_series(0, (length(d.data) - 1) / 1048576) as c(seq);

alter table monthly_report drop column xlsx, drop column docx;
alter table monthly_report add constraint monthly_report_frozen_figures
    check (state = 'DRAFT' or (figures is not null and frozen_by is not null));
