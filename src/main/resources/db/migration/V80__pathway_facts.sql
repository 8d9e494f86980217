-- R-DATA-DISAGGREGATED: the values and steps of the pathways that the indicator dictionary counts,
-- kept by the statistics as the engine records them (same transaction), so that the annex reads a
-- narrow indexed table instead of the engine's whole history of every variable and activity.
-- kind VARIABLE: name is the variable, fact_value its latest text, fact_at when it was set
-- (as act_hi_varinst.create_time_); kind STEP: name is the activity, fact_at when it ended
-- (as act_hi_actinst.end_time_). Times as the engine keeps them (local time of the server).
create table pathway_fact (
  kind varchar(16) not null,
  id varchar(64) not null,
  name varchar(255) not null,
  process_key varchar(255),
  root_process_instance_id varchar(64),
  fact_value varchar(4000),
  fact_at timestamp not null,
  primary key (kind, id)
);
-- One variable or step over a range of time, with the case it belongs to: read through the index.
create index pathway_fact_name_at on pathway_fact (kind, name, fact_at, root_process_instance_id);

-- Which of the dictionary's variables and steps the table holds (filled from the engine's
-- history when the dictionary first names them, kept as the engine records them afterwards).
create table pathway_fact_source (
  source_key varchar(300) primary key,
  filled_at timestamp with time zone not null
);
