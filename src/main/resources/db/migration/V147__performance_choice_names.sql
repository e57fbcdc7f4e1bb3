-- The status reports' RAGs, the latest overall RAG of each project and the PMO's decision on an improvement plan are
-- kept as the constant's name (GREEN, AMBER, RED; AGREE, REWORK), as every other stored choice is (the project's own
-- RAG, the gate package's, the KPI band); they were kept as the forms' values (green ..., agree, rework).
-- Portable SQL: PostgreSQL and H2.
update status_report
set rag_schedule = upper(rag_schedule),
    rag_cost     = upper(rag_cost),
    rag_scope    = upper(rag_scope),
    rag_quality  = upper(rag_quality),
    rag_overall  = upper(rag_overall);

update project_performance
set rag_overall = upper(rag_overall);

update improvement_plan
set pmo_decision = upper(pmo_decision)
where pmo_decision is not null;

alter table status_report
    add constraint ck_status_report_rag check (rag_schedule in ('GREEN', 'AMBER', 'RED')
        and rag_cost in ('GREEN', 'AMBER', 'RED') and rag_scope in ('GREEN', 'AMBER', 'RED')
        and rag_quality in ('GREEN', 'AMBER', 'RED') and rag_overall in ('GREEN', 'AMBER', 'RED'));

alter table project_performance
    add constraint ck_project_performance_rag check (rag_overall in ('GREEN', 'AMBER', 'RED'));

alter table improvement_plan
    add constraint ck_improvement_plan_decision check (pmo_decision in ('AGREE', 'REWORK'));
