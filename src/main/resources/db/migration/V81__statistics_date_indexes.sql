-- R-DATA-DISAGGREGATED: the statistics read each source's facts of a range of years, for the
-- whole country, by the date the indicator names; without an index on that date the whole table
-- is read. Services delivered (reintegration), custody and deadlines by when they started or
-- fell due, consent asked, transfers requested.
create index referral_delivered on referral (delivered_at);
create index sla_clock_started on sla_clock (started_at);
create index sla_clock_due on sla_clock (due_at);
create index referral_consent_asked on referral_consent (asked_at);
create index case_transfer_requested on case_transfer (requested_at);
