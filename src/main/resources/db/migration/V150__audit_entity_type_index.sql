-- Reads at scale (issue 15): the audit trail of one kind of record (/api/audit?entityType=RISK), newest first. Portable
-- SQL: runs on PostgreSQL and H2.
--
-- Every filter of the trail has an index on its column and the id, from which a page's ids are read newest first
-- (pmo.audit.AuditTrail) but the entity type alone: ix_audit_entity holds (entity_type, entity_id, id), whose ids are
-- in order only within one record, so a page of one type walked the whole trail from its newest event (all 25,000 of
-- the events after the newest RISK event, 210 ms).
create index ix_audit_entity_type on audit_event (entity_type, id);
