-- One escalation record for every kind of case (pmo.escalation): the table escalation of risks and issues takes the
-- reminders and escalations of change requests, which change_escalation held until now. Portable SQL: runs on
-- PostgreSQL and H2.
--
-- entity_type names the case's capability (RISK, ISSUE, CHANGE_REQUEST, and the cases still to come) and trigger the
-- pmo.escalation.EscalationTrigger; neither has a fixed list here: the code that writes them owns their values.

alter table escalation drop constraint ck_escalation_entity;
alter table escalation drop constraint ck_escalation_level;
alter table escalation alter column entity_type set data type varchar(40);
-- REMINDER (level 0: the people a case waits for, no target, no respond-by) or ESCALATION (level 1 and up)
alter table escalation add column kind varchar(12) default 'ESCALATION' not null;
alter table escalation alter column kind drop default;
-- why, as pmo.escalation.EscalationTrigger names it
alter table escalation add column trigger varchar(40);
-- who the case was waiting for (users or a group), when it was waiting for someone
alter table escalation add column waiting_for varchar(2000);
alter table escalation alter column escalated_to drop not null;
alter table escalation alter column escalated_to_type drop not null;
alter table escalation alter column respond_by drop not null;

-- the triggers of the existing risk and issue records, from their reasons (which the code wrote, one wording per
-- trigger); a record that matches none stops the migration below rather than get an invented trigger
update escalation set trigger = case
    when reason like 'escalated by the PMO: %' then 'PMO_ESCALATED'
    when entity_type = 'RISK' and reason like 'still %' then 'RESIDUAL'
    when entity_type = 'RISK' and reason like 'the residual assessment was not reported by %' then 'REPORT_OVERDUE'
    when entity_type = 'RISK' and reason like 'the escalated risk was not decided by %' then 'REVIEW_OVERDUE'
    when entity_type = 'ISSUE' and reason like 'not resolved within the SLA of %' then 'SLA_BREACHED'
    when entity_type = 'ISSUE' and reason like 'the PMO did not act on the escalated issue by %'
        then 'PMO_DEADLINE_PASSED'
  end;

-- the reminders and escalations of change requests, oldest first. The stage and the time the approval had been open
-- since stay in the reason ("The PMO approval of CR-12 has been open since ..., longer than P3D; waiting for ..."),
-- the rule names the setting; the missed deadline is left empty, as the period in force then is not stored.
insert into escalation (entity_type, entity_id, project_id, kind, trigger, level, escalated_to, escalated_to_type,
                        rule, missed_deadline, waiting_for, reason, respond_by, escalated_at, escalated_by)
select 'CHANGE_REQUEST', e.change_request_id, r.project_id, e.kind,
       case e.kind when 'REMINDER' then 'APPROVAL_REMINDER' else 'APPROVAL_OVERDUE' end,
       case e.kind when 'REMINDER' then 0 else 1 end,
       e.escalated_to,
       case when e.escalated_to is null then null else 'GROUP' end,
       case e.kind when 'REMINDER' then 'pmo.change.reminder-after' else 'pmo.change.escalate-after' end,
       null, e.waiting_for, e.reason, null, e.recorded_at, e.recorded_by
  from change_escalation e
  join change_request r on r.id = e.change_request_id
 order by e.id;

drop table change_escalation;

alter table escalation alter column trigger set not null;
alter table escalation add constraint ck_escalation_kind check (kind in ('REMINDER', 'ESCALATION'));
alter table escalation add constraint ck_escalation_level check (
    (kind = 'REMINDER' and level = 0) or (kind = 'ESCALATION' and level >= 1));
alter table escalation add constraint ck_escalation_target check (
    kind = 'REMINDER' or (escalated_to is not null and escalated_to_type is not null));
