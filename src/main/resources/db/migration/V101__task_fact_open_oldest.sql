-- The oldest open tasks of an activity, read in order from the index rather than sorted: the
-- drill-down of the country's or a province's bottleneck figures asks each activity for its five
-- oldest (then the next ten, twenty... while the reader may not read them, R-GIRL-FEMALE-CARE).
-- The area, the process instance (the readable-case check) and the due time come from the index;
-- with the activity's name it also holds all the open work's counts need, so counting the open
-- work reads no row whichever open-work index the database takes for it.
create index task_fact_open_oldest on task_fact
    (state, process_definition_key, activity_id, created_at, task_id, province, district, agency,
     process_instance_id, due_at, activity_name);
