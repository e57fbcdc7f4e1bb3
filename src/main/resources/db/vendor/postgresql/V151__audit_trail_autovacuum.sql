-- PostgreSQL only: the audit trail is vacuumed after 1 % of new or changed events instead of 20 %. (H2 has no vacuum.)
--
-- Its pages are read through its indexes alone (the counts of a filter, the ids of a page: pmo.audit.AuditTrail) as
-- long as vacuum has marked them all-visible. Every event is written twice (inserted, then sealed: a change of an
-- indexed column, so the new version may land on any older page with room and clear that page's mark), and with the
-- default scale factors autovacuum comes only after 400,000 of them in a trail of 2 million: at the scale of issue 15,
-- 30,000 sealed events had left 40 % of the pages unmarked, and PostgreSQL walked the trail from its newest event
-- instead (900 ms for a page of one action) and read the table for every count.
alter table audit_event set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01,
    autovacuum_analyze_scale_factor = 0.01);
