-- The read rules of /api (pmo.platform.ReadRule) find a reader's own projects by manager or sponsor, and their own
-- cases by who raised or owns them.
create index ix_project_sponsor on project (sponsor, id);
create index ix_risk_raised_by on risk (raised_by, id);
create index ix_issue_raised_by on issue (raised_by, id);
