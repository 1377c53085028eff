-- Rows as the web flow writes them, for the final (migrated) shape: load after migrated.sql.
-- Same people, centres and appointment ids as january-data.sql, plus everything the migrations
-- added: users.first_name/last_name, patient age/mrn/registration fee, jsonb clinician arrays,
-- Meet/refund/session/cancellation columns on appointments, payment-link / DIRECT / fee-split
-- payments, and rows in blocked_slots, slot_blocking_audit, patient_notifications,
-- clinician_slot_exceptions, clinician_notes_history and follow_up_appointments.
-- Known plaintexts: staff password 'Staff@123' (admin: 'Admin@123'); patient OTP '483920';
-- staff OTP '123456' (sha256 hex); refresh tokens 'staff-refresh-token-1' (sha256 hex) and
-- 'patient-refresh-token-1' (bcrypt); revoked admin session 'admin-refresh-token-revoked' (sha256 hex).
-- Active non-cancelled appointments (is_active AND status NOT IN ('CANCELLED',
-- 'CANCELLED_BY_ADMIN','NO_SHOW')) never overlap for a clinician; 10/11 and 6/7 touch end to start.
-- No row uses CANCELLED_BY_ADMIN: the production CHECK rejects it (web-schema.md §8.4).
-- blocked_slots has CHECK (blocked_date >= CURRENT_DATE), evaluated at insert time: the blocked
-- dates are in March 2099 (the appointments they relate to stay in 2027) so the file keeps loading.

BEGIN;

-- Role ids are hard-coded by the web code: 2 MANAGER, 3 CENTRE_MANAGER, 5 CARE_COORDINATOR, 6 FRONT_DESK.
INSERT INTO roles (id, name, description, created_at, updated_at) VALUES
  (1, 'ADMIN',            'Full access',                                                    '2025-12-20 10:00:00+05:30', '2025-12-20 10:00:00+05:30'),
  (2, 'MANAGER',          'Manages all centres',                                            '2025-12-20 10:00:00+05:30', '2025-12-20 10:00:00+05:30'),
  (3, 'CENTRE_MANAGER',   'Manages one centre',                                             '2025-12-20 10:00:00+05:30', '2025-12-20 10:00:00+05:30'),
  (4, 'CLINICIAN',        'Clinician',                                                      '2025-12-20 10:00:00+05:30', '2025-12-20 10:00:00+05:30'),
  (5, 'CARE_COORDINATOR', 'Care coordinator',                                               '2025-12-20 10:00:00+05:30', '2025-12-20 10:00:00+05:30'),
  (6, 'FRONT_DESK',       'Front desk staff with limited access to patient and appointment management', '2025-12-20 10:00:00+05:30', '2025-12-20 10:00:00+05:30');

-- city is stored lower case: the service lower-cases the filter and compares with =.
INSERT INTO centres (id, name, city, address_line1, address_line2, pincode, contact_phone, timezone, is_active, created_at, updated_at) VALUES
  (1, 'Koramangala Centre', 'bangalore', '12, 80 Feet Road, 4th Block', 'Koramangala', '560034', '8041234567', 'Asia/Kolkata', true, '2025-12-20 10:05:00+05:30', '2025-12-20 10:05:00+05:30'),
  (2, 'Kochi Centre',       'kochi',     'MG Road, Ravipuram',          NULL,          '682016', '4842345678', 'Asia/Kolkata', true, '2025-12-20 10:06:00+05:30', '2025-12-20 10:06:00+05:30');

-- Staff: 10-digit phones, bcryptjs cost-10 password hashes. Patients: web OTP sign-ups keep the
-- '91' prefix (12 digits, no '+'); admin-created and front-desk patients are 10 digits.
-- User 13 is the same person as user 8 under the other phone format.
-- first_name/last_name: users that existed in June 2026 were split from full_name by
-- add_first_last_name_to_users.sql (hence 'Dr.' / 'Arjun Nair'); web sign-ups set them; the
-- 'Patient' placeholder (createPatientUser) and later admin/front-desk patients leave them NULL.
INSERT INTO users (id, phone, email, username, password_hash, full_name, user_type, is_active, created_at, updated_at, first_name, last_name) VALUES
  (1,  '9876500001',   'admin@example.com',          'admin',         '$2a$10$Yn/H4mjPv/bY2M5y2J8vmez5ktVG/Qx/0bCA1Y54WN/KNs9bPYW6O', 'System Admin',    'STAFF',   true, '2025-12-20 10:10:00+05:30', '2025-12-20 10:10:00+05:30', 'System', 'Admin'),
  (2,  '9876500002',   'priya.menon@example.com',    'priya.menon',   '$2a$10$Kj0R/r6xXB7FwRbjjE8FoOrnXkA6LPAIi75OYR5jZU8yrPikDuUmi', 'Priya Menon',     'STAFF',   true, '2025-12-21 11:00:00+05:30', '2025-12-21 11:00:00+05:30', 'Priya', 'Menon'),
  (3,  '9876500003',   NULL,                         'frontdesk.blr', '$2a$10$Kj0R/r6xXB7FwRbjjE8FoOrnXkA6LPAIi75OYR5jZU8yrPikDuUmi', 'Anjali Rao',      'STAFF',   true, '2025-12-21 11:05:00+05:30', '2025-12-21 11:05:00+05:30', 'Anjali', 'Rao'),
  (4,  '9876500004',   'arjun.nair@example.com',     'dr.arjun',      '$2a$10$Kj0R/r6xXB7FwRbjjE8FoOrnXkA6LPAIi75OYR5jZU8yrPikDuUmi', 'Dr. Arjun Nair',  'STAFF',   true, '2025-12-22 09:00:00+05:30', '2025-12-22 09:00:00+05:30', 'Dr.', 'Arjun Nair'),
  (5,  '9876500005',   'kavya.iyer@example.com',     'dr.kavya',      '$2a$10$Kj0R/r6xXB7FwRbjjE8FoOrnXkA6LPAIi75OYR5jZU8yrPikDuUmi', 'Dr. Kavya Iyer',  'STAFF',   true, '2025-12-22 09:10:00+05:30', '2025-12-22 09:10:00+05:30', 'Dr.', 'Kavya Iyer'),
  (6,  '9876500006',   NULL,                         'dr.rahul',      '$2a$10$Kj0R/r6xXB7FwRbjjE8FoOrnXkA6LPAIi75OYR5jZU8yrPikDuUmi', 'Dr. Rahul Verma', 'STAFF',   true, '2025-12-22 09:20:00+05:30', '2025-12-22 09:20:00+05:30', 'Dr.', 'Rahul Verma'),
  (7,  '9876500007',   'suresh.pillai@example.com',  'suresh.pillai', '$2a$10$Kj0R/r6xXB7FwRbjjE8FoOrnXkA6LPAIi75OYR5jZU8yrPikDuUmi', 'Suresh Pillai',   'STAFF',   true, '2025-12-23 10:00:00+05:30', '2025-12-23 10:00:00+05:30', 'Suresh', 'Pillai'),
  (8,  '919812345601', 'rohan.gupta@example.com',    NULL,            NULL,                                                           'Rohan Gupta',     'PATIENT', true, '2026-01-05 18:01:12+05:30', '2026-01-05 18:02:40+05:30', 'Rohan', 'Gupta'),
  (9,  '919812345602', NULL,                         NULL,            NULL,                                                           'प्रिया शर्मा',      'PATIENT', true, '2026-01-06 20:15:00+05:30', '2026-06-20 20:16:10+05:30', 'प्रिया', 'शर्मा'),
  (10, '9812345603',   'meera.k@example.com',        NULL,            NULL,                                                           'Meera Krishnan',  'PATIENT', true, '2026-01-07 11:30:00+05:30', '2026-01-07 11:30:00+05:30', 'Meera', 'Krishnan'),
  (11, '919812345604', NULL,                         NULL,            NULL,                                                           'Patient',         'PATIENT', true, '2026-07-08 09:00:00+05:30', '2026-07-08 09:00:00+05:30', NULL, NULL),
  (12, '9812345605',   NULL,                         NULL,            NULL,                                                           'Abdul Rahman',    'PATIENT', true, '2026-07-09 12:00:00+05:30', '2026-07-09 12:00:00+05:30', NULL, NULL),
  (13, '9812345601',   NULL,                         NULL,            NULL,                                                           'Rohan Gupta',     'PATIENT', true, '2026-07-10 10:45:00+05:30', '2026-07-10 10:45:00+05:30', NULL, NULL);

-- Every staff user has a staff_profiles row (listings JOIN it); clinicians' photos live here too.
INSERT INTO staff_profiles (id, user_id, designation, profile_picture_url, is_active, created_at, updated_at) VALUES
  (1, 1, 'Administrator',    NULL, true, '2025-12-20 10:10:00+05:30', '2025-12-20 10:10:00+05:30'),
  (2, 2, 'Manager',          NULL, true, '2025-12-21 11:00:00+05:30', '2025-12-21 11:00:00+05:30'),
  (3, 3, 'Front Desk',       NULL, true, '2025-12-21 11:05:00+05:30', '2025-12-21 11:05:00+05:30'),
  (4, 4, 'Clinical Psychologist', 'https://cdn.example.com/clinicians/arjun-nair.jpg', true, '2025-12-22 09:00:00+05:30', '2025-12-22 09:00:00+05:30'),
  (5, 5, 'Psychiatrist',     'https://cdn.example.com/clinicians/kavya-iyer.jpg', true, '2025-12-22 09:10:00+05:30', '2025-12-22 09:10:00+05:30'),
  (6, 6, 'Counselling Psychologist', NULL, true, '2025-12-22 09:20:00+05:30', '2025-12-22 09:20:00+05:30'),
  (7, 7, 'Centre Manager',   NULL, true, '2025-12-23 10:00:00+05:30', '2025-12-23 10:00:00+05:30');

-- centre_id NULL for ADMIN/MANAGER; user_roles.centre_id is the web's centre-access source.
INSERT INTO user_roles (id, user_id, role_id, centre_id, is_active, created_at, updated_at) VALUES
  (1, 1, 1, NULL, true, '2025-12-20 10:10:00+05:30', '2025-12-20 10:10:00+05:30'),
  (2, 2, 2, NULL, true, '2025-12-21 11:00:00+05:30', '2025-12-21 11:00:00+05:30'),
  (3, 3, 6, 1,    true, '2025-12-21 11:05:00+05:30', '2025-12-21 11:05:00+05:30'),
  (4, 4, 4, 1,    true, '2025-12-22 09:00:00+05:30', '2025-12-22 09:00:00+05:30'),
  (5, 5, 4, 2,    true, '2025-12-22 09:10:00+05:30', '2025-12-22 09:10:00+05:30'),
  (6, 6, 4, 1,    true, '2025-12-22 09:20:00+05:30', '2025-12-22 09:20:00+05:30'),
  (7, 7, 3, 2,    true, '2025-12-23 10:00:00+05:30', '2025-12-23 10:00:00+05:30');

-- Written on create (is_primary never written); never read for authorisation.
INSERT INTO centre_staff_assignments (id, user_id, centre_id, role_id, is_primary, is_active, created_at, updated_at) VALUES
  (1, 3, 1, 6, false, true, '2025-12-21 11:05:00+05:30', '2025-12-21 11:05:00+05:30'),
  (2, 4, 1, 4, false, true, '2025-12-22 09:00:00+05:30', '2025-12-22 09:00:00+05:30'),
  (3, 5, 2, 4, false, true, '2025-12-22 09:10:00+05:30', '2025-12-22 09:10:00+05:30'),
  (4, 6, 1, 4, false, true, '2025-12-22 09:20:00+05:30', '2025-12-22 09:20:00+05:30'),
  (5, 7, 2, 3, false, true, '2025-12-23 10:00:00+05:30', '2025-12-23 10:00:00+05:30');

-- clinician_profiles.id (not users.id) is appointments.clinician_id. Fee: whole rupees; NULL on 3
-- (the web then charges its 500 fallback). specialization/qualification/expertise/languages are
-- jsonb arrays; profile_picture_url here is unused (the code reads staff_profiles').
INSERT INTO clinician_profiles (id, user_id, primary_centre_id, registration_number, years_of_experience, bio, consultation_modes, default_consultation_duration_minutes, is_active, created_at, updated_at, consultation_fee, expertise, languages, specialization, qualification, profile_picture_url) VALUES
  (1, 4, 1, 'RCI-A12345', 8,    'Works with adults on anxiety and mood.', '["IN_PERSON", "ONLINE"]', 50, true, '2025-12-22 09:00:00+05:30', '2026-02-06 12:00:00+05:30', 1600, '["Anxiety", "Depression"]', '["English", "Malayalam"]', '["Clinical Psychologist"]', '["M.Phil Clinical Psychology"]', NULL),
  (2, 5, 2, 'KMC-77881',  12,   NULL,                                     '["IN_PERSON", "ONLINE"]', 30, true, '2025-12-22 09:10:00+05:30', '2026-02-06 12:00:00+05:30', 1700, '["Bipolar disorder", "ADHD"]', '["English", "Malayalam", "Tamil"]', '["Psychiatrist"]', '["MBBS", "MD Psychiatry"]', NULL),
  (3, 6, 1, NULL,         NULL, NULL,                                     '["ONLINE"]',              60, true, '2025-12-22 09:20:00+05:30', '2026-02-06 12:00:00+05:30', NULL, '[]', '["English"]', '["Counselling Psychologist"]', '[]', NULL);

-- day_of_week 0 = Sunday (JS getDay()); times are IST wall clock. Rule 4 has slot length = whole
-- window (the admin "smart update" default); rule 6 is soft-deleted.
INSERT INTO clinician_availability_rules (id, clinician_id, centre_id, day_of_week, start_time, end_time, slot_duration_minutes, mode, is_active, created_at, updated_at) VALUES
  (1, 1, 1, 1, '10:00', '13:00', 50,  'IN_PERSON', true,  '2025-12-22 09:30:00+05:30', '2025-12-22 09:30:00+05:30'),
  (2, 1, 1, 3, '14:00', '18:00', 50,  'ONLINE',    true,  '2025-12-22 09:30:00+05:30', '2025-12-22 09:30:00+05:30'),
  (3, 2, 2, 2, '09:00', '12:00', 30,  'IN_PERSON', true,  '2025-12-22 09:40:00+05:30', '2025-12-22 09:40:00+05:30'),
  (4, 2, 2, 6, '10:00', '14:00', 240, 'ONLINE',    true,  '2025-12-22 09:40:00+05:30', '2025-12-22 09:40:00+05:30'),
  (5, 3, 1, 5, '15:00', '19:00', 60,  'ONLINE',    true,  '2025-12-22 09:50:00+05:30', '2025-12-22 09:50:00+05:30'),
  (6, 3, 1, 0, '10:00', '12:00', 60,  'IN_PERSON', false, '2025-12-22 09:50:00+05:30', '2025-12-28 17:00:00+05:30');

-- patient_profiles.id is the "patient_id" everywhere; it differs from users.id on purpose.
-- age has no CHECK (production variant); mrn is free text set by staff, mostly NULL.
-- Profile 6 (the 10-digit duplicate of profile 1) paid the registration fee a second time.
INSERT INTO patient_profiles (id, user_id, date_of_birth, gender, blood_group, emergency_contact_name, emergency_contact_phone, notes, is_active, created_at, updated_at, mrn, registration_fee_paid, registration_fee_paid_at, age) VALUES
  (1, 8,  '1994-05-10', 'Male',   'B+', 'Sunita Gupta', '+91 98450 11223', NULL, true, '2026-01-05 18:01:12+05:30', '2026-01-05 18:02:40+05:30', NULL,          true,  '2026-02-27 18:03:10+05:30', 32),
  (2, 9,  NULL,         'female', NULL, NULL,           NULL,              NULL, true, '2026-01-06 20:15:00+05:30', '2026-06-20 20:16:10+05:30', NULL,          true,  '2026-03-01 21:14:00+05:30', 27),
  (3, 10, '1988-11-02', 'FEMALE', 'O+', 'Ravi Krishnan', '9845012345',     'Prefers morning slots', true, '2026-01-07 11:30:00+05:30', '2026-05-12 11:30:00+05:30', 'MRN-2026-0003', true, '2026-03-08 10:20:00+05:30', NULL),
  (4, 11, NULL,         NULL,     NULL, NULL,           NULL,              NULL, true, '2026-07-08 09:00:00+05:30', '2026-07-08 09:00:00+05:30', NULL,          false, NULL, NULL),
  (5, 12, NULL,         'Male',   NULL, NULL,           NULL,              NULL, true, '2026-07-09 12:00:00+05:30', '2026-11-22 11:05:00+05:30', NULL,          true,  '2026-11-22 11:05:00+05:30', 45),
  (6, 13, NULL,         NULL,     NULL, NULL,           NULL,              NULL, true, '2026-07-10 10:45:00+05:30', '2026-07-10 10:45:00+05:30', NULL,          true,  '2026-05-01 10:02:00+05:30', NULL);

INSERT INTO patient_medical_notes (id, patient_id, author_user_id, note_text, visibility, created_at) VALUES
  (1, 3, 4, 'Referred by GP for sleep issues.', 'INTERNAL', '2026-01-07 12:00:00+05:30');

-- Admin slot blocks (new system). IST wall-clock date + time, exact (start, end) pairs.
-- 1: blocks the slot of appointment 9, which stays active: the affected-patients query compares
--    IST slot times with UTC appointment times and finds nobody (web-schema.md §8.7).
-- 2: blocked, then unblocked (row kept with is_blocked = false).
-- 3: blocked over appointment 12.
INSERT INTO blocked_slots (id, clinician_id, centre_id, blocked_date, start_time, end_time, reason, blocked_by_admin_id, blocked_at, unblocked_by_admin_id, unblocked_at, is_blocked, created_at, updated_at) VALUES
  (1, 2, 2, '2099-03-09', '10:00', '10:30', 'Clinician unavailable',           1, '2026-11-25 09:30:00', NULL, NULL,                  true,  '2026-11-25 09:30:00', '2026-11-25 09:30:00'),
  (2, 1, 1, '2099-03-15', '10:00', '10:50', 'Conference',                      2, '2026-11-25 09:40:00', 2,    '2026-11-25 15:00:00', false, '2026-11-25 09:40:00', '2026-11-25 15:00:00'),
  (3, 3, 1, '2099-03-12', '15:00', '16:00', 'Clinician on leave',              1, '2026-11-25 03:30:00', NULL, NULL,                  true,  '2026-11-25 03:30:00', '2026-11-25 03:30:00');

-- Appointments. Web bookings send UTC ISO strings ('Z'); admin bookings are shown with +05:30.
INSERT INTO appointments (id, patient_id, clinician_id, centre_id, appointment_type, scheduled_start_at, scheduled_end_at, duration_minutes, status, parent_appointment_id, booked_by_user_id, source, notes, is_active, created_at, updated_at,
                          google_meet_link, google_meet_event_id, cancellation_reason, cancellation_requested_at, cancellation_approved_at, cancellation_approved_by,
                          refund_eligible, refund_status, refund_initiated_at, blocked_slot_id, google_calendar_event_id, patient_notes, session_started_at, session_ended_at) VALUES
  -- past: web booking, paid, session started and ended by the clinician
  (1,  1, 1, 1, 'IN_PERSON', '2026-03-02T04:30:00Z',      '2026-03-02T05:20:00Z',      50, 'COMPLETED', NULL, 8,  'WEB_PATIENT',      'Initial assessment done.', true, '2026-02-27 18:00:00+05:30', '2026-03-02 10:48:00+05:30',
   NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, 'Difficulty sleeping for 3 months', '2026-03-02 10:02:00+05:30', '2026-03-02 10:48:00+05:30'),
  -- past: web booking, paid, Meet link on the appointment, never closed
  (2,  2, 1, 1, 'ONLINE',    '2026-03-04T08:30:00Z',      '2026-03-04T09:20:00Z',      50, 'CONFIRMED', NULL, 9,  'WEB_PATIENT',      NULL, true, '2026-03-01 21:10:00+05:30', '2026-03-01 21:14:05+05:30',
   'https://meet.google.com/abc-defg-hij', '5qv0m3d1k2j8s7h6g4f3e2d1c0', NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, 'हिंदी में बात करना पसंद है', NULL, NULL),
  -- past: admin booking, paid by payment link, no show
  (3,  3, 2, 2, 'ONLINE',    '2026-03-10 09:00:00+05:30', '2026-03-10 09:30:00+05:30', 30, 'NO_SHOW',   NULL, 7,  'ADMIN_MANAGER',    NULL, true, '2026-03-08 10:00:00+05:30', '2026-03-10 10:00:00+05:30',
   NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  -- future: web booking, unpaid (holds the slot)
  (4,  1, 2, 2, 'IN_PERSON', '2027-03-02T04:00:00Z',      '2027-03-02T04:30:00Z',      30, 'BOOKED',    NULL, 8,  'WEB_PATIENT',      NULL, true, '2026-11-20 19:00:00+05:30', '2026-11-20 19:00:00+05:30',
   NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  -- future: payment failed, rolled back (CANCELLED + is_active false)
  (5,  4, 1, 1, 'IN_PERSON', '2027-03-01T04:30:00Z',      '2027-03-01T05:20:00Z',      50, 'CANCELLED', NULL, 11, 'WEB_PATIENT',      NULL, false, '2026-11-21 08:00:00+05:30', '2026-11-21 08:05:00+05:30',
   NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  -- future: front desk booking, paid in cash at the desk
  (6,  5, 3, 1, 'ONLINE',    '2027-03-05 15:00:00+05:30', '2027-03-05 16:00:00+05:30', 60, 'CONFIRMED', NULL, 3,  'ADMIN_FRONT_DESK', NULL, true, '2026-11-22 11:00:00+05:30', '2026-11-22 11:05:00+05:30',
   'https://meet.google.com/xbn-okfe-wqa', NULL, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  -- future: web booking, paid, then a cancellation request from the patient dashboard (holds the slot)
  (7,  2, 3, 1, 'ONLINE',    '2027-03-05T10:30:00Z',      '2027-03-05T11:30:00Z',      60, 'CANCELLATION_REQUESTED', NULL, 9, 'WEB_PATIENT', NULL, true, '2026-11-22 22:00:00+05:30', '2026-11-25 07:45:00+05:30',
   'https://meet.google.com/tqp-hhzr-mvc', '8ab1c2d3e4f5g6h7i8j9k0l1m2', 'Family function on that day, please cancel', '2026-11-25 02:15:00', NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  -- past: admin booking, UPI at the desk, session started and never ended
  (8,  6, 1, 1, 'IN_PERSON', '2026-05-04 11:40:00+05:30', '2026-05-04 12:30:00+05:30', 50, 'IN_PROGRESS', NULL, 3, 'ADMIN_FRONT_DESK', NULL, true, '2026-05-01 10:00:00+05:30', '2026-05-04 11:41:00+05:30',
   NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, '2026-05-04 11:41:00+05:30', NULL),
  -- future: admin booking, rescheduled (was 2027-03-02 09:00 IST); its slot is blocked (blocked_slots 1)
  (9,  3, 2, 2, 'IN_PERSON', '2027-03-09 10:00:00+05:30', '2027-03-09 10:30:00+05:30', 30, 'RESCHEDULED', NULL, 7, 'ADMIN_MANAGER',   NULL, true, '2026-11-23 10:00:00+05:30', '2026-11-24 16:20:00+05:30',
   NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  -- future: same slot as the rolled-back appointment 5
  (10, 6, 1, 1, 'IN_PERSON', '2027-03-01 10:00:00+05:30', '2027-03-01 10:50:00+05:30', 50, 'BOOKED',    NULL, 3,  'ADMIN_FRONT_DESK', NULL, true, '2026-11-24 12:00:00+05:30', '2026-11-24 12:00:00+05:30',
   NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  -- future: follow-up of 1, starts exactly when 10 ends
  (11, 1, 1, 1, 'FOLLOW_UP', '2027-03-01 10:50:00+05:30', '2027-03-01 11:40:00+05:30', 50, 'BOOKED',    1,    2,  'ADMIN_MANAGER',    NULL, true, '2026-11-24 12:30:00+05:30', '2026-11-24 12:30:00+05:30',
   NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  -- future: cancelled when blocked_slots 3 was created (CANCELLED, not the rejected CANCELLED_BY_ADMIN)
  (12, 5, 3, 1, 'ONLINE',    '2027-03-12 15:00:00+05:30', '2027-03-12 16:00:00+05:30', 60, 'CANCELLED', NULL, 3,  'ADMIN_FRONT_DESK', NULL, true, '2026-11-24 13:00:00+05:30', '2026-11-25 09:00:00+05:30',
   NULL, NULL, NULL, NULL, NULL, NULL, false, 'NOT_APPLICABLE', NULL, 3, NULL, NULL, NULL, NULL),
  -- future: patient /booking cancel: keeps is_active, reason overwrites notes
  (13, 2, 2, 2, 'IN_PERSON', '2027-03-16T03:30:00Z',      '2027-03-16T04:00:00Z',      30, 'CANCELLED', NULL, 9,  'WEB_PATIENT',      'Travelling that week', true, '2026-11-24 20:00:00+05:30', '2026-11-25 08:00:00+05:30',
   NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, 'First visit', NULL, NULL);

-- Only appointment.repository (admin create / updateStatus / reschedule, clinician start/end
-- session) writes history; web bookings, payment confirmation and patient cancels do not, so
-- previous_status can skip steps. Values stay inside this table's 7-value CHECK.
INSERT INTO appointment_status_history (id, appointment_id, previous_status, new_status, changed_by_user_id, changed_at, reason, created_at) VALUES
  (1,  3,  NULL,          'BOOKED',      7, '2026-03-08 10:00:00+05:30', NULL, '2026-03-08 10:00:00+05:30'),
  (2,  3,  'CONFIRMED',   'NO_SHOW',     7, '2026-03-10 10:00:00+05:30', 'Patient did not join', '2026-03-10 10:00:00+05:30'),
  (3,  6,  NULL,          'BOOKED',      3, '2026-11-22 11:00:00+05:30', NULL, '2026-11-22 11:00:00+05:30'),
  (4,  6,  'BOOKED',      'CONFIRMED',   3, '2026-11-22 11:05:00+05:30', NULL, '2026-11-22 11:05:00+05:30'),
  (5,  8,  NULL,          'BOOKED',      3, '2026-05-01 10:00:00+05:30', NULL, '2026-05-01 10:00:00+05:30'),
  (6,  8,  'BOOKED',      'CONFIRMED',   3, '2026-05-01 10:02:00+05:30', NULL, '2026-05-01 10:02:00+05:30'),
  (7,  8,  'CONFIRMED',   'IN_PROGRESS', 4, '2026-05-04 11:41:00+05:30', NULL, '2026-05-04 11:41:00+05:30'),
  (8,  9,  NULL,          'BOOKED',      7, '2026-11-23 10:00:00+05:30', NULL, '2026-11-23 10:00:00+05:30'),
  (9,  9,  'BOOKED',      'RESCHEDULED', 7, '2026-11-24 16:20:00+05:30', 'Rescheduled from 2027-03-02 09:00 IST', '2026-11-24 16:20:00+05:30'),
  (10, 10, NULL,          'BOOKED',      3, '2026-11-24 12:00:00+05:30', NULL, '2026-11-24 12:00:00+05:30'),
  (11, 11, NULL,          'BOOKED',      2, '2026-11-24 12:30:00+05:30', NULL, '2026-11-24 12:30:00+05:30'),
  (12, 12, NULL,          'BOOKED',      3, '2026-11-24 13:00:00+05:30', NULL, '2026-11-24 13:00:00+05:30'),
  (13, 12, 'BOOKED',      'CANCELLED',   1, '2026-11-25 09:00:00+05:30', 'Clinician on leave', '2026-11-25 09:00:00+05:30'),
  (14, 1,  'CONFIRMED',   'IN_PROGRESS', 4, '2026-03-02 10:02:00+05:30', NULL, '2026-03-02 10:02:00+05:30'),
  (15, 1,  'IN_PROGRESS', 'COMPLETED',   4, '2026-03-02 10:48:00+05:30', NULL, '2026-03-02 10:48:00+05:30');

-- Amounts in rupees (numeric(10,2)) = consultation_fee + registration_fee (100 once per patient
-- profile). Several rows per appointment are possible (4 has two checkout attempts).
--  3: payment-link flow: order_id = payment_id = payment_link_id = the plink id.
--  9: link added to an older order row: order_id stays the order id (the webhook will miss it).
-- 10: created with a link, still unpaid.  6, 8: DIRECT desk payments with synthetic ids.
INSERT INTO payments (id, patient_id, appointment_id, provider, order_id, payment_id, amount, currency, status, payment_method_details, error_code, error_description, paid_at, created_at, updated_at,
                      payment_link_id, payment_link_url, payment_link_sent_at, registration_fee, consultation_fee, payment_method, payment_notes) VALUES
  (1,  1, 1,  'RAZORPAY', 'order_PzA1b2C3d4E5f6', 'pay_PzA9x8Y7w6V5u4', 1700.00, 'INR', 'SUCCESS', '{"method": "upi", "card_id": null, "bank": null, "wallet": null, "vpa": "rohan@okaxis"}', NULL, NULL, '2026-02-27 18:03:10+05:30', '2026-02-27 18:00:30+05:30', '2026-02-27 18:03:10+05:30',
   NULL, NULL, NULL, 100.00, 1600.00, 'ONLINE', NULL),
  (2,  2, 2,  'RAZORPAY', 'order_PzB1b2C3d4E5f6', 'pay_PzB9x8Y7w6V5u4', 1700.05, 'INR', 'SUCCESS', '{"method": "card", "card_id": "card_PzB1q2w3e4r5t6", "bank": null, "wallet": null, "vpa": null}', NULL, NULL, '2026-03-01 21:14:00+05:30', '2026-03-01 21:10:30+05:30', '2026-03-01 21:14:00+05:30',
   NULL, NULL, NULL, 100.00, 1600.05, 'ONLINE', NULL),
  (3,  3, 3,  'RAZORPAY', 'plink_PzC1b2C3d4E5f6', 'plink_PzC1b2C3d4E5f6', 1800.00, 'INR', 'SUCCESS', '{"method": "payment_link"}', NULL, NULL, '2026-03-08 10:20:00+05:30', '2026-03-08 10:01:00+05:30', '2026-03-08 10:20:00+05:30',
   'plink_PzC1b2C3d4E5f6', 'https://rzp.io/i/Xy12AbCd', NULL, 100.00, 1700.00, 'ONLINE', NULL),
  (4,  1, 4,  'RAZORPAY', 'order_QaD1b2C3d4E5f6', NULL,                 1700.00, 'INR', 'CREATED', NULL, NULL, NULL, NULL, '2026-11-20 19:00:20+05:30', '2026-11-20 19:00:20+05:30',
   NULL, NULL, NULL, 0.00, 1700.00, 'ONLINE', NULL),
  (5,  4, 5,  'RAZORPAY', 'order_QaE1b2C3d4E5f6', NULL,                 1700.00, 'INR', 'FAILED',  NULL, 'PAYMENT_CANCELLED', 'Payment cancelled by user', NULL, '2026-11-21 08:00:20+05:30', '2026-11-21 08:05:00+05:30',
   NULL, NULL, NULL, 100.00, 1600.00, 'ONLINE', NULL),
  (6,  5, 6,  'DIRECT',   'direct_6_1795325700000', 'CASH_6_3',       600.00,  'INR', 'SUCCESS', NULL, NULL, NULL, '2026-11-22 11:05:00+05:30', '2026-11-22 11:05:00+05:30', '2026-11-22 11:05:00+05:30',
   NULL, NULL, NULL, 100.00, 500.00, 'CASH', 'Paid in cash at reception'),
  (7,  2, 7,  'RAZORPAY', 'order_QaG1b2C3d4E5f6', 'pay_QaG9x8Y7w6V5u4', 500.00,  'INR', 'SUCCESS', '{"method": "wallet", "card_id": null, "bank": null, "wallet": "paytm", "vpa": null}', NULL, NULL, '2026-11-22 22:03:00+05:30', '2026-11-22 22:00:30+05:30', '2026-11-22 22:03:00+05:30',
   NULL, NULL, NULL, 0.00, 500.00, 'ONLINE', NULL),
  (8,  6, 8,  'DIRECT',   'direct_8_1777609920000', 'UPI_8_3',        1700.00, 'INR', 'SUCCESS', NULL, NULL, NULL, '2026-05-01 10:02:00+05:30', '2026-05-01 10:02:00+05:30', '2026-05-01 10:02:00+05:30',
   NULL, NULL, NULL, 100.00, 1600.00, 'UPI', NULL),
  (9,  3, 9,  'RAZORPAY', 'order_QaI1b2C3d4E5f6', NULL,                 1700.00, 'INR', 'CREATED', NULL, NULL, NULL, NULL, '2026-11-23 10:00:30+05:30', '2026-11-23 10:31:00+05:30',
   'plink_QaI7u6Y5t4R3e2', 'https://rzp.io/i/Qw34ErTy', '2026-11-23 05:01:00', 0.00, 1700.00, 'ONLINE', NULL),
  (10, 6, 10, 'RAZORPAY', 'plink_QaJ1b2C3d4E5f6', NULL,                 1600.00, 'INR', 'CREATED', NULL, NULL, NULL, NULL, '2026-11-24 12:00:30+05:30', '2026-11-24 12:00:30+05:30',
   'plink_QaJ1b2C3d4E5f6', 'https://rzp.io/i/Zx56CvBn', NULL, 0.00, 1600.00, 'ONLINE', NULL),
  (11, 2, 13, 'RAZORPAY', 'order_QaK1b2C3d4E5f6', 'pay_QaK9x8Y7w6V5u4', 1700.00, 'INR', 'SUCCESS', '{"method": "upi", "card_id": null, "bank": null, "wallet": null, "vpa": "priya@oksbi"}', NULL, NULL, '2026-11-24 20:03:00+05:30', '2026-11-24 20:00:30+05:30', '2026-11-24 20:03:00+05:30',
   NULL, NULL, NULL, 0.00, 1700.00, 'ONLINE', NULL),
  (12, 1, 4,  'RAZORPAY', 'order_QaL1b2C3d4E5f6', NULL,                 1700.00, 'INR', 'CREATED', NULL, NULL, NULL, NULL, '2026-11-20 19:06:00+05:30', '2026-11-20 19:06:00+05:30',
   NULL, NULL, NULL, 0.00, 1700.00, 'ONLINE', NULL);

-- provider_event_id holds the event NAME (not Razorpay's event id); no unique key.
INSERT INTO payment_webhook_events (id, provider, provider_event_id, event_type, raw_payload, processed, processed_at, created_at) VALUES
  (1, 'RAZORPAY', 'payment.captured', 'payment.captured', '{"event": "payment.captured", "payload": {"payment": {"entity": {"id": "pay_PzA9x8Y7w6V5u4", "order_id": "order_PzA1b2C3d4E5f6", "amount": 170000, "method": "upi"}}}}', true, '2026-02-27 18:03:12+05:30', '2026-02-27 18:03:11+05:30'),
  (2, 'RAZORPAY', 'payment.failed',   'payment.failed',   '{"event": "payment.failed", "payload": {"payment": {"entity": {"id": "pay_QaE0000000fail", "order_id": "order_QaE1b2C3d4E5f6", "amount": 170000}}}}', false, NULL, '2026-11-21 08:04:00+05:30');

-- Patient OTP: bcryptjs cost 10 of '483920', 12-digit phone. Staff OTP: unsalted sha256 hex of
-- '123456', 10-digit phone. Only LOGIN is written.
INSERT INTO otp_requests (id, phone, otp_hash, purpose, expires_at, is_used, attempts_count, created_at) VALUES
  (1, '919812345602', '$2a$10$K6HvwM8mxvcUaD0uIYGmz.wRCoG9N7jInA25bnUaafieCgmENsVoi', 'LOGIN', '2026-11-22 21:58:00+05:30', true,  1, '2026-11-22 21:48:00+05:30'),
  (2, '9876500003',   '8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92', 'LOGIN', '2026-11-24T06:40:00Z',      false, 0, '2026-11-24T06:30:00Z'),
  (3, '919812345604', '$2a$10$K6HvwM8mxvcUaD0uIYGmz.wRCoG9N7jInA25bnUaafieCgmENsVoi', 'LOGIN', '2026-11-21 08:10:00+05:30', false, 5, '2026-11-21 08:00:00+05:30');

-- Staff session hash: sha256 hex of the refresh JWT; patient session hash: bcryptjs, NULL agent/ip.
INSERT INTO auth_sessions (id, user_id, refresh_token_hash, user_agent, ip_address, expires_at, revoked_at, created_at) VALUES
  (1, 3, 'a5c5ecaff284dc5910c9184d187add09a2b3554353cfdbf61f79dfcd5eacf690', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)', '49.207.12.34', '2026-12-01 09:00:00+05:30', NULL, '2026-11-24 09:00:00+05:30'),
  (2, 8, '$2a$10$yzDIUan3dXvFuOt3.x1lJOMdDgbijexogPos/HtWTgPc2IFgPrV7K', NULL, NULL, '2026-11-27 19:00:00+05:30', NULL, '2026-11-20 19:00:00+05:30'),
  (3, 1, '4b87f5713a254e5e0df90e194786e0a6e482cc5304085ec0d619d0d441b50876', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)', '103.21.244.10', '2026-11-30 10:00:00+05:30', '2026-11-24 18:00:00+05:30', '2026-11-23 10:00:00+05:30');

-- WhatsApp log. BUG kept: user_id holds appointments.patient_id (a patient_profiles id), so
-- these rows point at staff users 1, 2 and 3.
INSERT INTO notifications (id, user_id, phone, channel, template_id, payload_data, status, error_message, sent_at, created_at, updated_at) VALUES
  (1, 1, '919812345601', 'WHATSAPP', NULL, '{"appointment_id": 1, "notification_type": "APPOINTMENT_CONFIRMATION", "message": "Your appointment is confirmed", "clinician_name": "Dr. Arjun Nair", "centre_name": "Koramangala Centre"}', 'SENT', NULL, NULL, '2026-02-27 18:03:20+05:30', '2026-02-27 18:03:20+05:30'),
  (2, 2, '919812345602', 'WHATSAPP', NULL, '{"appointment_id": 2, "notification_type": "MEETING_LINK", "message": "Join your session", "meet_link": "https://meet.google.com/abc-defg-hij"}', 'SENT', NULL, NULL, '2026-03-01 21:14:30+05:30', '2026-03-01 21:14:30+05:30'),
  (3, 3, '9812345603',   'WHATSAPP', NULL, '{"appointment_id": 9, "notification_type": "APPOINTMENT_RESCHEDULED", "message": "Your appointment has been rescheduled", "clinician_name": "Dr. Kavya Iyer", "centre_name": "Kochi Centre"}', 'SENT', NULL, NULL, '2026-11-24 16:20:30+05:30', '2026-11-24 16:20:30+05:30'),
  (4, 1, '919812345601', 'WHATSAPP', NULL, '{"appointment_id": 4, "notification_type": "APPOINTMENT_REMINDER", "message": "Reminder: appointment on 2 Mar 2027"}', 'FAILED', 'Message failed to send because more than 24 hours have passed since the customer last replied', NULL, '2026-11-25 10:00:00+05:30', '2026-11-25 10:00:00+05:30');

-- Admin-flow Meet links (the patient flow stores links on appointments instead): one row each.
INSERT INTO video_sessions (id, appointment_id, provider, meeting_id, join_url, host_url, status, scheduled_start_at, scheduled_end_at, created_at, updated_at) VALUES
  (1, 3, 'GOOGLE_MEET', 'kqz-rvwt-pmd', 'https://meet.google.com/kqz-rvwt-pmd', 'https://meet.google.com/kqz-rvwt-pmd', 'SCHEDULED', '2026-03-10 09:00:00+05:30', '2026-03-10 09:30:00+05:30', '2026-03-08 10:20:30+05:30', '2026-03-08 10:20:30+05:30'),
  (2, 6, 'GOOGLE_MEET', 'xbn-okfe-wqa', 'https://meet.google.com/xbn-okfe-wqa', 'https://meet.google.com/xbn-okfe-wqa', 'SCHEDULED', '2027-03-05 15:00:00+05:30', '2027-03-05 16:00:00+05:30', '2026-11-22 11:05:30+05:30', '2026-11-22 11:05:30+05:30');

-- Audit of block/unblock actions (timestamp without time zone). affected_appointment_ids is int[].
INSERT INTO slot_blocking_audit (id, blocked_slot_id, action_type, admin_id, reason, affected_appointment_ids, affected_patient_count, metadata, created_at) VALUES
  (1, 1, 'BLOCK',   1, 'Clinician unavailable', '{}',   0, '{"clinician_id": 2, "centre_id": 2, "date": "2027-03-09", "start_time": "10:00", "end_time": "10:30"}', '2026-11-25 09:30:00'),
  (2, 2, 'BLOCK',   2, 'Conference',            '{}',   0, '{"clinician_id": 1, "centre_id": 1, "date": "2027-03-15", "start_time": "10:00", "end_time": "10:50"}', '2026-11-25 09:40:00'),
  (3, 2, 'UNBLOCK', 2, 'Conference cancelled',  NULL,   0, NULL, '2026-11-25 15:00:00'),
  (4, 3, 'BLOCK',   1, 'Clinician on leave',    '{12}', 1, '{"clinician_id": 3, "centre_id": 1, "date": "2027-03-12", "start_time": "15:00", "end_time": "16:00"}', '2026-11-25 03:30:00');

-- Patient dashboard inbox; patient_id is a patient_profiles id.
INSERT INTO patient_notifications (id, patient_id, notification_type, title, message, appointment_id, blocked_slot_id, metadata, is_read, read_at, created_at, updated_at) VALUES
  (1, 5, 'APPOINTMENT_BLOCKED', 'Appointment Cancelled', 'Your appointment with Dr. Rahul Verma on 12 Mar 2027 at 3:00 PM has been cancelled: Clinician on leave.', 12, 3, '{"clinician_name": "Dr. Rahul Verma", "refund_eligible": false}', false, NULL, '2026-11-25 03:30:05', '2026-11-25 03:30:05'),
  (2, 1, 'GENERAL',             'Welcome',               'Your profile is complete.', NULL, NULL, NULL, true, '2026-06-20 10:00:00', '2026-06-19 18:00:00', '2026-06-20 10:00:00');

-- Old per-slot blocks (deprecated table, still read per generated slot on start_time only).
-- 1 is a leftover 09:00 test block of the kind behind the "9 AM slot" bug; 2 is a future block.
INSERT INTO clinician_slot_exceptions (id, clinician_id, centre_id, exception_date, start_time, end_time, mode, reason, created_by_user_id, created_at, updated_at) VALUES
  (1, 1, 1, '2026-06-15', '09:00', '10:00', 'IN_PERSON', NULL,                 1, '2026-05-20 12:00:00', '2026-05-20 12:00:00'),
  (2, 2, 2, '2027-03-02', '11:00', '11:30', 'IN_PERSON', 'Clinician on leave', 7, '2026-11-20 10:00:00', '2026-11-20 10:00:00');

INSERT INTO clinician_notes_history (id, appointment_id, clinician_id, patient_id, session_notes, created_by_user_id, created_at, updated_at) VALUES
  (1, 1, 1, 1, 'Sleep onset insomnia, mild anxiety. Started sleep hygiene plan; review in 4 weeks.', 4, '2026-03-02 10:47:00+05:30', '2026-03-02 10:47:00+05:30'),
  (2, 8, 1, 6, 'Follow-up: sleep improved. Continue plan.',                                             4, '2026-05-04 12:20:00+05:30', '2026-05-04 12:20:00+05:30');

INSERT INTO follow_up_appointments (id, parent_appointment_id, patient_id, clinician_id, follow_up_date, follow_up_notes, is_scheduled, scheduled_appointment_id, created_by_user_id, created_at, updated_at) VALUES
  (1, 1, 1, 1, '2027-03-01', 'Review sleep diary', true,  11,   4, '2026-03-02 10:48:00+05:30', '2026-11-24 12:30:00+05:30'),
  (2, 8, 6, 1, '2027-04-05', NULL,                 false, NULL, 4, '2026-05-04 12:25:00+05:30', '2026-05-04 12:25:00+05:30');

-- Sequences past the inserted ids.
SELECT setval('roles_id_seq',                        (SELECT max(id) FROM roles));
SELECT setval('centres_id_seq',                      (SELECT max(id) FROM centres));
SELECT setval('users_id_seq',                        (SELECT max(id) FROM users));
SELECT setval('staff_profiles_id_seq',               (SELECT max(id) FROM staff_profiles));
SELECT setval('user_roles_id_seq',                   (SELECT max(id) FROM user_roles));
SELECT setval('centre_staff_assignments_id_seq',     (SELECT max(id) FROM centre_staff_assignments));
SELECT setval('clinician_profiles_id_seq',           (SELECT max(id) FROM clinician_profiles));
SELECT setval('clinician_availability_rules_id_seq', (SELECT max(id) FROM clinician_availability_rules));
SELECT setval('patient_profiles_id_seq',             (SELECT max(id) FROM patient_profiles));
SELECT setval('patient_medical_notes_id_seq',        (SELECT max(id) FROM patient_medical_notes));
SELECT setval('appointments_id_seq',                 (SELECT max(id) FROM appointments));
SELECT setval('appointment_status_history_id_seq',   (SELECT max(id) FROM appointment_status_history));
SELECT setval('payments_id_seq',                     (SELECT max(id) FROM payments));
SELECT setval('payment_webhook_events_id_seq',       (SELECT max(id) FROM payment_webhook_events));
SELECT setval('otp_requests_id_seq',                 (SELECT max(id) FROM otp_requests));
SELECT setval('auth_sessions_id_seq',                (SELECT max(id) FROM auth_sessions));
SELECT setval('notifications_id_seq',                (SELECT max(id) FROM notifications));
SELECT setval('video_sessions_id_seq',               (SELECT max(id) FROM video_sessions));
SELECT setval('blocked_slots_id_seq',                (SELECT max(id) FROM blocked_slots));
SELECT setval('slot_blocking_audit_id_seq',          (SELECT max(id) FROM slot_blocking_audit));
SELECT setval('patient_notifications_id_seq',        (SELECT max(id) FROM patient_notifications));
SELECT setval('clinician_slot_exceptions_id_seq',    (SELECT max(id) FROM clinician_slot_exceptions));
SELECT setval('clinician_notes_history_id_seq',      (SELECT max(id) FROM clinician_notes_history));
SELECT setval('follow_up_appointments_id_seq',       (SELECT max(id) FROM follow_up_appointments));

COMMIT;
