-- A deadline declared inside a multi-instance (one referral per agency) runs one clock per
-- instance: the clock belongs to the execution of the element that declares it.
alter table sla_clock add column scope_execution_id varchar(64);
create index sla_clock_scope on sla_clock (process_instance_id, rule_id, scope_execution_id);
