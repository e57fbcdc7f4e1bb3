-- "My cases" (GET /api/my/cases): each case table's newest rows of one person, by the column that names them.
create index ix_change_requester_created on change_request (requester, created_at desc, id desc);
create index ix_risk_raised_by_created on risk (raised_by, created_at desc, id desc);
create index ix_risk_owner_created on risk (owner, created_at desc, id desc);
create index ix_issue_raised_by_created on issue (raised_by, created_at desc, id desc);
create index ix_issue_owner_created on issue (owner, created_at desc, id desc);
create index ix_proposal_requester_created on project_proposal (requester, created_at desc, id desc);
create index ix_improvement_proposer_created on improvement_proposal (proposer, created_at desc, id desc);
