-- The Prometheus figures of the deadlines are re-read every hifazat.metrics.refresh (15 s): they
-- must not scan every clock ever started. Open clocks by status are counted from an index that
-- holds every column their status needs, breaches by rule from one that holds the rule.
--
-- An open clock has neither stopped_at nor stop_reason, and the check keeps the two in step, so
-- the open clocks are found by stop_reason. An index that starts with stopped_at would not do:
-- H2 judges a nearly unique column's "is null" to match a row or two and would take that index
-- for every query that asks for the open clocks of one case or district.
alter table sla_clock add constraint sla_clock_stopped
    check ((stopped_at is null) = (stop_reason is null));
create index sla_clock_open_status on sla_clock (stop_reason, status, due_at, warning_at);
create index sla_clock_status_rule on sla_clock (status, rule_id);
