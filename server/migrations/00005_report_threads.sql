-- Several reports per pupil and day. A guardian who sends a second report for a day either
-- adds to the earlier one (both stay live) or changes it: then the earlier report's day is
-- superseded by the new report. The earlier report keeps its text and its acknowledgement
-- (it is evidence); only its claim on that day ends.
alter table guardian_report_day add column superseded_by integer references guardian_report(id);

-- A 遅刻 and an 早退 on one day: the register counts one mark per day by its semantic flags,
-- so a code that is both late and early leave makes both count without a second counting rule.
insert into attendance_code (school_id, code, label, short_label, on_site, counts_absent, excused, is_late,
                             is_early_leave, provisional, guardian_selectable, future_allowed, sort_order)
select s.id, 'late_early_leave', '遅刻・早退', '遅早', true, false, false, true, true, false, false, true,
       coalesce((select max(c.sort_order) + 1 from attendance_code c where c.school_id = s.id), 0)
from school s
on conflict (school_id, code) do nothing;
