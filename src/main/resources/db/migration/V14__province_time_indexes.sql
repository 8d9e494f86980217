-- A province's figures over a time range (no district given) read a province-and-time index, not
-- every row of the province: the bottleneck and breach queries managers run most.
create index task_fact_province_created on task_fact (province, created_at);
create index task_fact_province_claimed on task_fact (province, claimed_at);
create index task_fact_province_completed on task_fact (province, completed_at);
create index task_fact_area_claimed on task_fact (province, district, claimed_at);
create index sla_clock_province_due on sla_clock (province, due_at);
