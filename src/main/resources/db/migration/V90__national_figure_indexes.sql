-- Figures for the whole country cost about what a province's or a district's do: every range the
-- bottleneck and breach figures read (arrivals, claims, completions, open work, breaches due) has
-- an index that starts with the range, or with the open state, and holds every column the figures
-- group, filter and measure by. A national answer then reads the index entries of its days only,
-- not the whole history (the V2/V14 indexes lead with the province, so a query without one had
-- none), and no index entry needs its row looked up. The percentiles stay exact: they are
-- computed from the facts themselves.
create index task_fact_created_figures on task_fact
    (created_at, province, district, agency, process_definition_key, activity_id, activity_name);
create index task_fact_claimed_figures on task_fact
    (claimed_at, province, district, agency, process_definition_key, activity_id, activity_name,
     wait_seconds);
-- The state first: completions are the COMPLETED facts of a range (a cancelled task has a
-- completed_at too), and H2 would otherwise prefer the open-work index for "state = ?".
create index task_fact_completed_figures on task_fact
    (state, completed_at, province, district, agency, process_definition_key, activity_id,
     activity_name, completed_late, handle_seconds);
-- The open work also gives the oldest open tasks their case number, task and process instance
-- (the readable-case check, R-GIRL-FEMALE-CARE) without reading the rows.
create index task_fact_open_figures on task_fact
    (state, province, district, agency, process_definition_key, activity_id, due_at, created_at,
     activity_name, process_instance_id, case_number, task_id);
-- Breaches of a range: counted by rule and day, and the latest listed (with the process
-- instance for the readable-case check) from the index alone.
create index sla_clock_due_figures on sla_clock
    (due_at, status, stopped_at, province, district, agency, rule_id, process_instance_id, id);
