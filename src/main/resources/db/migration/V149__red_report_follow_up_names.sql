-- The PMO's follow-up of a red status report is kept as the constant's name (NOTED, STEERING), as every other stored
-- choice is; it was kept as the form's value (noted, steering). Portable SQL: PostgreSQL and H2.
update status_report
set pmo_follow_up = upper(pmo_follow_up)
where pmo_follow_up is not null;

alter table status_report
    add constraint ck_status_report_follow_up check (pmo_follow_up in ('NOTED', 'STEERING'));
