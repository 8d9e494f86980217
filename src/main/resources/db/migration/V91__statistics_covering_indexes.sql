-- R-DATA-DISAGGREGATED: the annex reads, for a range of years, each source's facts and the zone's
-- cases with the child's dimensions (FactBatch, ZoneCases). Each of these reads has an index that
-- starts with its range (or the zone) and holds every column the read needs, so that no index
-- entry needs its row looked up: on H2 a row looked up costs several times an entry read, and a
-- province's three years are tens of thousands of them per source.
create index case_file_statistics on case_file
    (province, district, case_number, process_instance_id, child_sex, child_age_years,
     age_disputed, nationality, religion, ethnicity, socioeconomic_status, residence,
     offence_types, source);
create index case_file_reported_statistics on case_file
    (reported_at, province, case_number, source, stage, custody_taken_at);
create index justice_event_statistics on justice_event
    (occurred_at, case_number, event, outcome, agency);
create index compensation_event_statistics on compensation_event
    (occurred_at, case_number, event, outcome, scheme, amount);
create index referral_sent_statistics on referral
    (sent_at, case_number, agency, status, outcome, delivered_at, sharing_basis);
-- Replaces referral_delivered (V81), which led with the same date.
drop index referral_delivered;
create index referral_delivered_statistics on referral
    (delivered_at, case_number, agency, status, outcome, sharing_basis);
-- Replaces pathway_fact_name_at (V80), adding the pathway a value belongs to. The value itself is
-- left out: a pathway's variable may hold a long text, longer than PostgreSQL takes in an index.
drop index pathway_fact_name_at;
create index pathway_fact_statistics on pathway_fact
    (kind, name, fact_at, root_process_instance_id, process_key);
