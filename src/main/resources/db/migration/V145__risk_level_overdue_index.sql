-- Reads at scale (issue 15): a risk level's overdue risks (/api/risks?level=HIGH&overdue=true). Portable SQL: runs on
-- PostgreSQL and H2.
--
-- The page itself walks the primary key newest first and stops after a page; its total counts every match (up to
-- 10,000), and no index held level, status and due date together: PostgreSQL read the open risks past their due date
-- through ix_risk_status_due and then each of them in the table to test its level (30,000 rows on 13,800 pages of
-- 200,000 risks, 115 ms, to count 7,215). With the level first, then the open statuses, then the due date, the count
-- is one range of this index per open status, read from the index alone (5 ms).
create index ix_risk_level_status_due on risk (level, status, due_date);
