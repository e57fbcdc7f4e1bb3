-- The PMO's and the steering committee's decisions on a risk are kept as the constant's name (ACCEPT, NEW_RESPONSE,
-- ESCALATE), as every other stored choice is; they were kept as the forms' values (accept, newResponse, escalate).
update risk_assessment
set decision = case decision
                   when 'accept' then 'ACCEPT'
                   when 'newResponse' then 'NEW_RESPONSE'
                   when 'escalate' then 'ESCALATE'
                   else decision
               end
where decision is not null;

alter table risk_assessment
    add constraint ck_assessment_decision check (decision in ('ACCEPT', 'NEW_RESPONSE', 'ESCALATE'));
