-- A child reported again reopens their case under the same case number.
alter table case_file add column reopen_count integer default 0 not null;
alter table case_file add column last_reported_at timestamp with time zone;
