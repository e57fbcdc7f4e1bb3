-- The sealer's queue: the unsealed events in id order (a few at any time; a partial index stays that small).
-- H2 finds them through ux_audit_seq (seq is null), enough for the demo.
create index ix_audit_unsealed on audit_event (id) where seq is null;
