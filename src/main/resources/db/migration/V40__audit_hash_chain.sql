-- Tamper-evident audit trail: every event carries its place in a hash chain (see pmo.audit.AuditHash).
alter table audit_event add column seq bigint;
alter table audit_event add column prev_hash varchar(64);
alter table audit_event add column hash varchar(64);

create table audit_chain_head (
    id        integer primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null,
    constraint ck_chain_head_single check (id = 1)
);
insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
