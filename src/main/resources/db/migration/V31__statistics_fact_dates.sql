-- R-DATA-DISAGGREGATED: the annex reads each source's facts of a range of years for the whole
-- country at once; these let the range be read through an index instead of the whole table.
create index justice_event_occurred on justice_event (occurred_at);
create index compensation_event_occurred on compensation_event (occurred_at);
create index referral_sent on referral (sent_at);
create index case_file_reported on case_file (reported_at);
