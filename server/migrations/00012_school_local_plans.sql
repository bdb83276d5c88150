-- A school's day reads its own reports and acknowledgements: with these, a plan that hashes
-- the table (rather than looking rows up by id) scans one school's rows, not the city's.
create index on guardian_report (school_id, id);
create index on report_acknowledgement (school_id);
