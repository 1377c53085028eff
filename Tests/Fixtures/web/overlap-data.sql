-- Double-booking and duplicate-Meet rows the web flow can produce (web-schema.md §5 weakness 1:
-- no unique/exclusion constraint, check and insert in separate autocommit statements; §1.4
-- video_sessions: only a NON-unique index on appointment_id).
-- Loads after either shape plus its data file:
--   january-dump.sql + january-data.sql + overlap-data.sql
--   migrated.sql     + migrated-data.sql + overlap-data.sql
-- Uses only columns and values that exist in the January shape.

BEGIN;

-- Two ACTIVE appointments for clinician 2 (Dr. Kavya Iyer, Kochi) that partially overlap:
-- 901 09:00-09:30 IST BOOKED, 902 09:15-09:45 IST CONFIRMED on Tue 2027-03-23. Both passed the
-- web's conflict check concurrently (the web/front-desk path checks clinician + centre only).
INSERT INTO appointments (id, patient_id, clinician_id, centre_id, appointment_type, scheduled_start_at, scheduled_end_at, duration_minutes, status, parent_appointment_id, booked_by_user_id, source, notes, is_active, created_at, updated_at) VALUES
  (901, 3, 2, 2, 'IN_PERSON', '2027-03-23T03:30:00Z',      '2027-03-23T04:00:00Z',      30, 'BOOKED',    NULL, 10, 'WEB_PATIENT',      NULL, true, '2026-11-25 18:00:00.120+05:30', '2026-11-25 18:00:00.120+05:30'),
  (902, 6, 2, 2, 'IN_PERSON', '2027-03-23 09:15:00+05:30', '2027-03-23 09:45:00+05:30', 30, 'CONFIRMED', NULL, 3,  'ADMIN_FRONT_DESK', NULL, true, '2026-11-25 18:00:00.180+05:30', '2026-11-25 18:02:00+05:30');

SELECT setval('appointments_id_seq', (SELECT max(id) FROM appointments));

-- Two video_sessions rows for the same existing appointment 2 (ONLINE, no row before), e.g. the
-- Meet link created twice by repeated webhook deliveries.
INSERT INTO video_sessions (appointment_id, provider, meeting_id, join_url, host_url, status, scheduled_start_at, scheduled_end_at, created_at, updated_at) VALUES
  (2, 'GOOGLE_MEET', 'abc-defg-hij', 'https://meet.google.com/abc-defg-hij', 'https://meet.google.com/abc-defg-hij', 'SCHEDULED', '2026-03-04T08:30:00Z', '2026-03-04T09:20:00Z', '2026-03-01 21:14:10+05:30', '2026-03-01 21:14:10+05:30'),
  (2, 'GOOGLE_MEET', 'rmw-pkst-zue', 'https://meet.google.com/rmw-pkst-zue', 'https://meet.google.com/rmw-pkst-zue', 'SCHEDULED', '2026-03-04T08:30:00Z', '2026-03-04T09:20:00Z', '2026-03-01 21:14:12+05:30', '2026-03-01 21:14:12+05:30');

COMMIT;
