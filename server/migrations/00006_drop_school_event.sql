-- Pages resynchronise by taking a snapshot (every reconnect, gap or school change), never by
-- replaying stored events, so the copy of every event (with symptoms, temperatures and
-- messages in it) had no reader. The register (attendance_log, guardian_report) stays the
-- legal record; attendance_log keeps each row's sequence number.
drop table school_event;
