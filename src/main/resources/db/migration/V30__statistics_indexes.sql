-- R-DATA-DISAGGREGATED: the statistics read what the pathways decided from the engine's history,
-- whose rows name the case's process instance, not its number; without this index every such
-- row would look for its case file through the whole table.
create index case_file_process_instance on case_file (process_instance_id);
-- A province's reported cases over a range of years, read by the statistics and the annex.
create index case_file_province_reported on case_file (province, reported_at);
