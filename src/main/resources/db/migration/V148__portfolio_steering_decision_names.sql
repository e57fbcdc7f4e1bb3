-- The steering committee's answer to a portfolio review round is kept as the constant's name (APPROVE, SEND_BACK), as
-- the round's decisions on projects and proposals and every other stored choice are; it was kept as the form's value
-- (approve, sendBack). Portable SQL: PostgreSQL and H2.
update portfolio_review_round
set steering_decision = case steering_decision
                            when 'approve' then 'APPROVE'
                            when 'sendBack' then 'SEND_BACK'
                            else steering_decision
                        end
where steering_decision is not null;

alter table portfolio_review_round
    add constraint ck_review_round_steering check (steering_decision in ('APPROVE', 'SEND_BACK'));
