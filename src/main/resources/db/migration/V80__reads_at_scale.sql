-- Reads that stay fast at scale (issue 15). Portable SQL: runs on PostgreSQL and H2.

-- The audit trail is read newest first (/api/audit) and oldest first (the CSV export), in id order, with one filter or
-- more: an index on (filter column, id) walks straight to a page in that order, however long the trail. The action
-- filter had no index; actor and project were indexed by time, so their pages sorted every matching event first.
create index ix_audit_action on audit_event (action, id);
drop index ix_audit_actor;
create index ix_audit_actor on audit_event (actor, id);
drop index ix_audit_project;
create index ix_audit_project on audit_event (project_id, id);

-- A project's timeline finds the process instances of its cases in the case tables by project (pmo.audit.ProjectCases);
-- the proposal (the intake) was the one case table without an index on its project.
create index ix_proposal_project on project_proposal (project_id);

-- The read rule of change requests (pmo.platform.ReadRule): a reader's own requests, one index per way of being named.
create index ix_change_assessed_by on change_request (assessed_by);
create index ix_change_implemented_by on change_request (implemented_by);
create index ix_change_verified_by on change_request (verified_by);

-- Open risks past their due date (/api/risks?overdue=true, its count): one range of the index per open status.
create index ix_risk_status_due on risk (status, due_date);
