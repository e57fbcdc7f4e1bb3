-- The project's status when the review's pack was compiled (ACTIVE, ON_HOLD), beside each decision on a project: a
-- pause of a project already on hold leaves it as it is, a continue of one on hold resumes it. The summary the
-- steering committee reads and the notices say so, and the auditor sees on which status the decision was taken.
-- Null for proposals and for decisions taken before this column.
alter table portfolio_review_decision add column status_before varchar(20);
