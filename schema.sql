-- clinic-desk: the one schema shared by the desk and the patients' web flow.
--
-- Apply with:  psql -v ON_ERROR_STOP=1 -f schema.sql        (or: clinic-desk db apply-schema)
--
-- It works on an empty database and on a database the web flow already built (the January 2026 dump
-- shape, and the shape after the web's hand-run migrations), upgrading it in place in ONE transaction
-- without changing any existing row. Re-applying it is a no-op.
--
-- Layout:
--   0. Transaction, lock, refuse a newer desk version.
--   1. The web flow's tables and columns (CREATE ... IF NOT EXISTS / ADD COLUMN IF NOT EXISTS). Never
--      renames, retypes or narrows anything the web uses; widens varchar and CHECK value sets only.
--   2. Desk functions (always the current definitions): the one overlap predicate, phone digits,
--      the violation report that guards the upgrade and that `clinic-desk db doctor` prints.
--   3. Guard: stop, listing the rows, when existing data would break a desk constraint.
--   4. Versioned desk steps (desk_schema_version). Each step runs once, in order.
--
-- The first statement is exactly `BEGIN;` and the last exactly `COMMIT;`: `clinic-desk db doctor`
-- strips them to dry-run the upgrade inside a transaction it rolls back.
BEGIN;
SET LOCAL client_min_messages = warning;

-- =================================================================================================
-- 0. One writer at a time; refuse a database that a newer clinic-desk already upgraded.
-- =================================================================================================
DO $$ BEGIN PERFORM pg_advisory_xact_lock(7263540011); END $$;

DO $$
DECLARE
    this_version CONSTANT integer := 6;
    found_version integer;
BEGIN
    IF to_regclass('desk_schema_version') IS NOT NULL THEN
        SELECT max(version) INTO found_version FROM desk_schema_version;
        IF found_version > this_version THEN
            RAISE EXCEPTION 'This database is at clinic-desk schema version %, newer than this schema.sql (version %). Nothing was changed.', found_version, this_version
                USING HINT = 'Use the schema.sql of the newer clinic-desk release.';
        END IF;
    END IF;
END $$;

-- =================================================================================================
-- 1. The web flow's schema (../shared/reference/web-schema.md). Shapes as its latest code needs.
-- =================================================================================================

CREATE TABLE IF NOT EXISTS users (
    id            bigserial PRIMARY KEY,
    phone         varchar(20),
    email         varchar(255),
    username      varchar(50),
    password_hash text,
    full_name     varchar(150) NOT NULL,
    first_name    varchar(100),
    last_name     varchar(100),
    user_type     varchar(20) NOT NULL CHECK (user_type IN ('PATIENT', 'STAFF')),
    is_active     boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE users ADD COLUMN IF NOT EXISTS first_name varchar(100);
ALTER TABLE users ADD COLUMN IF NOT EXISTS last_name varchar(100);
CREATE UNIQUE INDEX IF NOT EXISTS ux_users_phone ON users (phone) WHERE phone IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS ux_users_email ON users (email) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS ux_users_username ON users (username) WHERE username IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_users_full_name ON users (full_name);
CREATE INDEX IF NOT EXISTS idx_users_first_name ON users (first_name);
CREATE INDEX IF NOT EXISTS idx_users_last_name ON users (last_name);
CREATE INDEX IF NOT EXISTS idx_users_username ON users (username);
CREATE INDEX IF NOT EXISTS idx_users_phone ON users (phone);
CREATE INDEX IF NOT EXISTS idx_users_user_type ON users (user_type);

CREATE TABLE IF NOT EXISTS roles (
    id          bigserial PRIMARY KEY,
    name        varchar(50) NOT NULL UNIQUE,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS centres (
    id            bigserial PRIMARY KEY,
    name          varchar(150) NOT NULL,
    city          varchar(100) NOT NULL,
    address_line1 varchar(255),
    address_line2 varchar(255),
    pincode       varchar(20),
    contact_phone varchar(20),
    timezone      varchar(100) NOT NULL DEFAULT 'Asia/Kolkata',
    is_active     boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS user_roles (
    id         bigserial PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id),
    role_id    bigint NOT NULL REFERENCES roles (id),
    centre_id  bigint REFERENCES centres (id),
    is_active  boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_user_roles UNIQUE (user_id, role_id, centre_id)
);
CREATE INDEX IF NOT EXISTS idx_user_roles_user_id ON user_roles (user_id);
CREATE INDEX IF NOT EXISTS idx_user_roles_role_id ON user_roles (role_id);
CREATE INDEX IF NOT EXISTS idx_user_roles_centre_id ON user_roles (centre_id);

CREATE TABLE IF NOT EXISTS centre_staff_assignments (
    id         bigserial PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id),
    centre_id  bigint NOT NULL REFERENCES centres (id),
    role_id    bigint NOT NULL REFERENCES roles (id),
    is_primary boolean NOT NULL DEFAULT false,
    is_active  boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_centre_staff UNIQUE (user_id, centre_id, role_id)
);

CREATE TABLE IF NOT EXISTS staff_profiles (
    id                  bigserial PRIMARY KEY,
    user_id             bigint NOT NULL UNIQUE REFERENCES users (id),
    designation         varchar(100),
    profile_picture_url text,
    is_active           boolean NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS clinician_profiles (
    id                                    bigserial PRIMARY KEY,
    user_id                               bigint NOT NULL UNIQUE REFERENCES users (id),
    primary_centre_id                     bigint NOT NULL REFERENCES centres (id),
    specialization                        jsonb DEFAULT '[]'::jsonb,
    registration_number                   varchar(100),
    years_of_experience                   integer,
    bio                                   text,
    consultation_modes                    jsonb,
    default_consultation_duration_minutes integer NOT NULL DEFAULT 30,
    is_active                             boolean NOT NULL DEFAULT true,
    created_at                            timestamptz NOT NULL DEFAULT now(),
    updated_at                            timestamptz NOT NULL DEFAULT now(),
    consultation_fee                      integer DEFAULT 1600,
    qualification                         jsonb DEFAULT '[]'::jsonb,
    expertise                             jsonb DEFAULT '[]'::jsonb,
    languages                             jsonb DEFAULT '[]'::jsonb,
    profile_picture_url                   text
);
ALTER TABLE clinician_profiles ADD COLUMN IF NOT EXISTS consultation_fee integer DEFAULT 1600;
ALTER TABLE clinician_profiles ADD COLUMN IF NOT EXISTS qualification jsonb DEFAULT '[]'::jsonb;
ALTER TABLE clinician_profiles ADD COLUMN IF NOT EXISTS expertise jsonb DEFAULT '[]'::jsonb;
ALTER TABLE clinician_profiles ADD COLUMN IF NOT EXISTS languages jsonb DEFAULT '[]'::jsonb;
ALTER TABLE clinician_profiles ADD COLUMN IF NOT EXISTS profile_picture_url text;
CREATE INDEX IF NOT EXISTS idx_clinician_profiles_user_id ON clinician_profiles (user_id);
CREATE INDEX IF NOT EXISTS idx_clinician_profiles_primary_centre ON clinician_profiles (primary_centre_id);
CREATE INDEX IF NOT EXISTS idx_clinician_profiles_active ON clinician_profiles (is_active);

CREATE TABLE IF NOT EXISTS clinician_availability_rules (
    id                    bigserial PRIMARY KEY,
    clinician_id          bigint NOT NULL REFERENCES clinician_profiles (id),
    centre_id             bigint NOT NULL REFERENCES centres (id),
    day_of_week           smallint NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),
    start_time            time NOT NULL,
    end_time              time NOT NULL,
    slot_duration_minutes integer NOT NULL DEFAULT 30,
    mode                  varchar(20) NOT NULL CHECK (mode IN ('IN_PERSON', 'ONLINE')),
    is_active             boolean NOT NULL DEFAULT true,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT valid_time_range CHECK (end_time > start_time)
);
CREATE INDEX IF NOT EXISTS idx_availability_rules_clinician ON clinician_availability_rules (clinician_id);
CREATE INDEX IF NOT EXISTS idx_availability_rules_centre ON clinician_availability_rules (centre_id);
CREATE INDEX IF NOT EXISTS idx_availability_rules_day ON clinician_availability_rules (day_of_week);

CREATE TABLE IF NOT EXISTS clinician_slot_exceptions (
    id                 serial PRIMARY KEY,
    clinician_id       integer NOT NULL REFERENCES clinician_profiles (id) ON DELETE CASCADE,
    centre_id          integer NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    exception_date     date NOT NULL,
    start_time         time NOT NULL,
    end_time           time NOT NULL,
    mode               varchar(20) NOT NULL CHECK (mode IN ('IN_PERSON', 'ONLINE', 'HYBRID')),
    reason             varchar(255),
    created_by_user_id integer REFERENCES users (id),
    created_at         timestamp DEFAULT now(),
    updated_at         timestamp DEFAULT now(),
    UNIQUE (clinician_id, centre_id, exception_date, start_time, mode)
);
CREATE INDEX IF NOT EXISTS idx_slot_exceptions_clinician_date ON clinician_slot_exceptions (clinician_id, exception_date);
CREATE INDEX IF NOT EXISTS idx_slot_exceptions_centre ON clinician_slot_exceptions (centre_id);

CREATE TABLE IF NOT EXISTS blocked_slots (
    id                    serial PRIMARY KEY,
    clinician_id          integer NOT NULL REFERENCES clinician_profiles (id),
    centre_id             integer NOT NULL REFERENCES centres (id),
    blocked_date          date NOT NULL CHECK (blocked_date >= CURRENT_DATE),
    start_time            time NOT NULL,
    end_time              time NOT NULL,
    reason                text DEFAULT 'Clinician unavailable',
    blocked_by_admin_id   integer NOT NULL REFERENCES users (id),
    blocked_at            timestamp NOT NULL DEFAULT now(),
    unblocked_by_admin_id integer REFERENCES users (id),
    unblocked_at          timestamp,
    is_blocked            boolean NOT NULL DEFAULT true,
    created_at            timestamp NOT NULL DEFAULT now(),
    updated_at            timestamp NOT NULL DEFAULT now(),
    CONSTRAINT valid_blocked_time_range CHECK (start_time < end_time),
    CONSTRAINT unique_slot_blocking UNIQUE (clinician_id, centre_id, blocked_date, start_time, end_time)
);
CREATE INDEX IF NOT EXISTS idx_blocked_slots_lookup ON blocked_slots (clinician_id, centre_id, blocked_date) WHERE is_blocked;

CREATE TABLE IF NOT EXISTS patient_profiles (
    id                       bigserial PRIMARY KEY,
    user_id                  bigint NOT NULL UNIQUE REFERENCES users (id),
    date_of_birth            date,
    gender                   varchar(20),
    blood_group              varchar(10),
    emergency_contact_name   varchar(150),
    emergency_contact_phone  varchar(20),
    notes                    text,
    is_active                boolean NOT NULL DEFAULT true,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    age                      integer,
    mrn                      varchar(50),
    registration_fee_paid    boolean NOT NULL DEFAULT false,
    registration_fee_paid_at timestamptz
);
ALTER TABLE patient_profiles ADD COLUMN IF NOT EXISTS date_of_birth date;
ALTER TABLE patient_profiles ADD COLUMN IF NOT EXISTS age integer;
ALTER TABLE patient_profiles ADD COLUMN IF NOT EXISTS mrn varchar(50);
ALTER TABLE patient_profiles ADD COLUMN IF NOT EXISTS registration_fee_paid boolean NOT NULL DEFAULT false;
ALTER TABLE patient_profiles ADD COLUMN IF NOT EXISTS registration_fee_paid_at timestamptz;

CREATE TABLE IF NOT EXISTS patient_medical_notes (
    id             bigserial PRIMARY KEY,
    patient_id     bigint NOT NULL REFERENCES patient_profiles (id),
    author_user_id bigint NOT NULL REFERENCES users (id),
    note_text      text NOT NULL,
    visibility     varchar(20) NOT NULL DEFAULT 'INTERNAL',
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS otp_requests (
    id             bigserial PRIMARY KEY,
    phone          varchar(20) NOT NULL,
    otp_hash       text NOT NULL,
    purpose        varchar(30) NOT NULL CHECK (purpose IN ('LOGIN', 'SIGNUP', 'PASSWORD_RESET')),
    expires_at     timestamptz NOT NULL,
    is_used        boolean NOT NULL DEFAULT false,
    attempts_count integer NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS auth_sessions (
    id                 bigserial PRIMARY KEY,
    user_id            bigint NOT NULL REFERENCES users (id),
    refresh_token_hash text NOT NULL,
    user_agent         text,
    ip_address         inet,
    expires_at         timestamptz NOT NULL,
    revoked_at         timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS appointments (
    id                        bigserial PRIMARY KEY,
    patient_id                bigint NOT NULL REFERENCES patient_profiles (id),
    clinician_id              bigint NOT NULL REFERENCES clinician_profiles (id),
    centre_id                 bigint NOT NULL REFERENCES centres (id),
    appointment_type          varchar(30) NOT NULL
        CHECK (appointment_type IN ('IN_PERSON', 'ONLINE', 'INPATIENT_ASSESSMENT', 'FOLLOW_UP')),
    scheduled_start_at        timestamptz NOT NULL,
    scheduled_end_at          timestamptz NOT NULL,
    duration_minutes          integer NOT NULL,
    status                    varchar(50) NOT NULL,
    parent_appointment_id     bigint REFERENCES appointments (id),
    booked_by_user_id         bigint NOT NULL REFERENCES users (id),
    source                    varchar(30) NOT NULL
        CHECK (source IN ('WEB_PATIENT', 'ADMIN_FRONT_DESK', 'ADMIN_CARE_COORDINATOR', 'ADMIN_MANAGER')),
    notes                     text,
    is_active                 boolean NOT NULL DEFAULT true,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now(),
    google_meet_link          varchar(500),
    google_meet_event_id      varchar(255),
    google_calendar_event_id  varchar(255),
    refund_eligible           boolean DEFAULT false,
    refund_status             varchar(20) CHECK (refund_status IN ('PENDING', 'PROCESSED', 'COMPLETED', 'NOT_APPLICABLE')),
    refund_initiated_at       timestamp,
    blocked_slot_id           integer REFERENCES blocked_slots (id),
    patient_notes             text,
    session_started_at        timestamptz,
    session_ended_at          timestamptz,
    cancellation_reason       text,
    cancellation_requested_at timestamp,
    cancellation_approved_at  timestamp,
    cancellation_approved_by  integer REFERENCES users (id)
);
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS google_meet_link varchar(500);
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS google_meet_event_id varchar(255);
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS google_calendar_event_id varchar(255);
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS refund_eligible boolean DEFAULT false;
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS refund_status varchar(20)
    CHECK (refund_status IN ('PENDING', 'PROCESSED', 'COMPLETED', 'NOT_APPLICABLE'));
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS refund_initiated_at timestamp;
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS blocked_slot_id integer REFERENCES blocked_slots (id);
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS patient_notes text;
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS session_started_at timestamptz;
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS session_ended_at timestamptz;
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS cancellation_reason text;
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS cancellation_requested_at timestamp;
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS cancellation_approved_at timestamp;
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS cancellation_approved_by integer REFERENCES users (id);
CREATE INDEX IF NOT EXISTS idx_appointments_centre ON appointments (centre_id);
CREATE INDEX IF NOT EXISTS idx_appointments_clinician ON appointments (clinician_id);
CREATE INDEX IF NOT EXISTS idx_appointments_patient ON appointments (patient_id);
CREATE INDEX IF NOT EXISTS idx_appointments_status ON appointments (status);

-- The January dump has status varchar(20): CANCELLATION_REQUESTED (22) does not fit. Widening a
-- varchar is a catalog-only change (no row is rewritten).
DO $$
BEGIN
    IF (SELECT character_maximum_length FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'appointments' AND column_name = 'status') < 50 THEN
        ALTER TABLE appointments ALTER COLUMN status TYPE varchar(50);
    END IF;
END $$;

CREATE TABLE IF NOT EXISTS appointment_status_history (
    id                 serial PRIMARY KEY,
    appointment_id     integer NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    previous_status    varchar(50),
    new_status         varchar(50) NOT NULL,
    changed_by_user_id integer NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    changed_at         timestamptz NOT NULL DEFAULT now(),
    reason             text,
    created_at         timestamptz DEFAULT now()
);
ALTER TABLE appointment_status_history ADD COLUMN IF NOT EXISTS created_at timestamptz DEFAULT now();
DO $$
BEGIN
    IF (SELECT character_maximum_length FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'appointment_status_history' AND column_name = 'previous_status') < 50 THEN
        ALTER TABLE appointment_status_history ALTER COLUMN previous_status TYPE varchar(50);
    END IF;
    IF (SELECT character_maximum_length FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'appointment_status_history' AND column_name = 'new_status') < 50 THEN
        ALTER TABLE appointment_status_history ALTER COLUMN new_status TYPE varchar(50);
    END IF;
END $$;
CREATE INDEX IF NOT EXISTS idx_status_history_appointment ON appointment_status_history (appointment_id);

-- The web's only trigger function, kept as the web defined it (never replaced once present).
DO $$
BEGIN
    IF to_regprocedure('update_updated_at_column()') IS NULL THEN
        CREATE FUNCTION update_updated_at_column() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            NEW.updated_at = NOW();
            RETURN NEW;
        END;
        $f$;
    END IF;
END $$;

CREATE TABLE IF NOT EXISTS clinician_notes_history (
    id                 bigserial PRIMARY KEY,
    appointment_id     bigint NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    clinician_id       bigint NOT NULL REFERENCES clinician_profiles (id) ON DELETE CASCADE,
    patient_id         bigint NOT NULL REFERENCES patient_profiles (id) ON DELETE CASCADE,
    session_notes      text NOT NULL,
    created_by_user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS follow_up_appointments (
    id                       bigserial PRIMARY KEY,
    parent_appointment_id    bigint NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    patient_id               bigint NOT NULL REFERENCES patient_profiles (id) ON DELETE CASCADE,
    clinician_id             bigint NOT NULL REFERENCES clinician_profiles (id) ON DELETE CASCADE,
    follow_up_date           date NOT NULL,
    follow_up_notes          text,
    is_scheduled             boolean NOT NULL DEFAULT false,
    scheduled_appointment_id bigint REFERENCES appointments (id) ON DELETE SET NULL,
    created_by_user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now()
);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'clinician_notes_history'::regclass AND NOT tgisinternal) THEN
        CREATE TRIGGER update_clinician_notes_history_updated_at BEFORE UPDATE ON clinician_notes_history
            FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'follow_up_appointments'::regclass AND NOT tgisinternal) THEN
        CREATE TRIGGER update_follow_up_appointments_updated_at BEFORE UPDATE ON follow_up_appointments
            FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
    END IF;
END $$;

CREATE TABLE IF NOT EXISTS payments (
    id                     bigserial PRIMARY KEY,
    patient_id             bigint NOT NULL REFERENCES patient_profiles (id),
    appointment_id         bigint NOT NULL REFERENCES appointments (id),
    provider               varchar(30) NOT NULL DEFAULT 'RAZORPAY',
    order_id               varchar(100) NOT NULL,
    payment_id             varchar(100),
    amount                 numeric(10, 2) NOT NULL,
    currency               varchar(10) NOT NULL DEFAULT 'INR',
    status                 varchar(20) NOT NULL CHECK (status IN ('CREATED', 'PENDING', 'SUCCESS', 'FAILED', 'REFUNDED')),
    payment_method_details jsonb,
    error_code             varchar(100),
    error_description      text,
    paid_at                timestamptz,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    payment_link_id        varchar(255),
    payment_link_url       text,
    payment_link_sent_at   timestamp,
    registration_fee       numeric(10, 2) NOT NULL DEFAULT 0,
    consultation_fee       numeric(10, 2) NOT NULL DEFAULT 0,
    payment_method         varchar(20) DEFAULT 'ONLINE' CHECK (payment_method IN ('ONLINE', 'CASH', 'CARD', 'UPI')),
    payment_notes          text
);
ALTER TABLE payments ADD COLUMN IF NOT EXISTS payment_link_id varchar(255);
ALTER TABLE payments ADD COLUMN IF NOT EXISTS payment_link_url text;
ALTER TABLE payments ADD COLUMN IF NOT EXISTS payment_link_sent_at timestamp;
ALTER TABLE payments ADD COLUMN IF NOT EXISTS registration_fee numeric(10, 2) NOT NULL DEFAULT 0;
ALTER TABLE payments ADD COLUMN IF NOT EXISTS consultation_fee numeric(10, 2) NOT NULL DEFAULT 0;
ALTER TABLE payments ADD COLUMN IF NOT EXISTS payment_method varchar(20) DEFAULT 'ONLINE'
    CHECK (payment_method IN ('ONLINE', 'CASH', 'CARD', 'UPI'));
ALTER TABLE payments ADD COLUMN IF NOT EXISTS payment_notes text;
CREATE INDEX IF NOT EXISTS idx_payments_appointment ON payments (appointment_id);
CREATE INDEX IF NOT EXISTS idx_payments_payment_link_id ON payments (payment_link_id);

CREATE TABLE IF NOT EXISTS payment_webhook_events (
    id                bigserial PRIMARY KEY,
    provider          varchar(30) NOT NULL DEFAULT 'RAZORPAY',
    provider_event_id varchar(150),
    event_type        varchar(100),
    raw_payload       jsonb NOT NULL,
    processed         boolean NOT NULL DEFAULT false,
    processed_at      timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS notification_templates (
    id                   bigserial PRIMARY KEY,
    name                 varchar(150) NOT NULL UNIQUE,
    channel              varchar(20) NOT NULL DEFAULT 'WHATSAPP' CHECK (channel IN ('WHATSAPP')),
    provider_template_id varchar(150) NOT NULL,
    description          text,
    is_active            boolean NOT NULL DEFAULT true,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS notifications (
    id            bigserial PRIMARY KEY,
    user_id       bigint REFERENCES users (id),
    phone         varchar(20),
    channel       varchar(20) NOT NULL CHECK (channel IN ('WHATSAPP')),
    template_id   bigint REFERENCES notification_templates (id),
    payload_data  jsonb,
    status        varchar(20) NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'DELIVERED', 'FAILED')),
    error_message text,
    sent_at       timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS notification_webhook_events (
    id                bigserial PRIMARY KEY,
    provider          varchar(30) NOT NULL DEFAULT 'GALLABOX',
    provider_event_id varchar(150),
    raw_payload       jsonb NOT NULL,
    processed         boolean NOT NULL DEFAULT false,
    processed_at      timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS patient_notifications (
    id                serial PRIMARY KEY,
    patient_id        integer NOT NULL REFERENCES patient_profiles (id),
    notification_type varchar(50) NOT NULL,
    title             varchar(255) NOT NULL,
    message           text NOT NULL,
    appointment_id    integer REFERENCES appointments (id),
    blocked_slot_id   integer REFERENCES blocked_slots (id),
    metadata          jsonb,
    is_read           boolean NOT NULL DEFAULT false,
    read_at           timestamp,
    created_at        timestamp NOT NULL DEFAULT now(),
    updated_at        timestamp NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_patient_notifications_patient ON patient_notifications (patient_id, created_at DESC);

CREATE TABLE IF NOT EXISTS slot_blocking_audit (
    id                       serial PRIMARY KEY,
    blocked_slot_id          integer NOT NULL REFERENCES blocked_slots (id),
    action_type              varchar(20) NOT NULL CHECK (action_type IN ('BLOCK', 'UNBLOCK')),
    admin_id                 integer NOT NULL REFERENCES users (id),
    reason                   text,
    affected_appointment_ids integer[],
    affected_patient_count   integer NOT NULL DEFAULT 0,
    metadata                 jsonb,
    created_at               timestamp NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS video_sessions (
    id                 bigserial PRIMARY KEY,
    appointment_id     bigint NOT NULL REFERENCES appointments (id),
    provider           varchar(30) NOT NULL DEFAULT 'GOOGLE_MEET',
    meeting_id         varchar(150),
    join_url           text,
    host_url           text,
    status             varchar(20) NOT NULL CHECK (status IN ('SCHEDULED', 'STARTED', 'ENDED', 'CANCELLED')),
    scheduled_start_at timestamptz,
    scheduled_end_at   timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_video_sessions_appointment ON video_sessions (appointment_id);

CREATE TABLE IF NOT EXISTS settings (
    id         bigserial PRIMARY KEY,
    key        varchar(150) NOT NULL UNIQUE,
    value_json jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS audit_logs (
    id          bigserial PRIMARY KEY,
    user_id     bigint REFERENCES users (id),
    action      varchar(100) NOT NULL,
    entity_type varchar(50) NOT NULL,
    entity_id   bigint,
    metadata    jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS waiting_queue_entries (
    id           bigserial PRIMARY KEY,
    centre_id    bigint NOT NULL REFERENCES centres (id),
    clinician_id bigint REFERENCES clinician_profiles (id),
    patient_id   bigint NOT NULL REFERENCES patient_profiles (id),
    "position"   integer NOT NULL,
    status       varchar(20) NOT NULL DEFAULT 'WAITING' CHECK (status IN ('WAITING', 'CALLED_IN', 'SKIPPED', 'COMPLETED')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- The web's per-clinician, per-IST-day view (defined by a migration; never replaced once present).
DO $$
BEGIN
    IF to_regclass('clinician_daily_stats') IS NULL THEN
        CREATE VIEW clinician_daily_stats AS
        SELECT a.clinician_id,
               (a.scheduled_start_at AT TIME ZONE 'Asia/Kolkata')::date AS stat_date,
               count(*) AS total_appointments,
               count(*) FILTER (WHERE a.status = 'COMPLETED') AS completed_appointments,
               count(*) FILTER (WHERE a.status IN ('CANCELLED', 'CANCELLED_BY_ADMIN')) AS cancelled_appointments,
               count(*) FILTER (WHERE a.status = 'NO_SHOW') AS no_show_appointments
        FROM appointments a
        WHERE a.is_active
        GROUP BY a.clinician_id, (a.scheduled_start_at AT TIME ZONE 'Asia/Kolkata')::date;
    END IF;
END $$;

-- Roles by name, with the ids the web's code hard-codes (2 MANAGER, 3 CENTRE_MANAGER,
-- 5 CARE_COORDINATOR, 6 FRONT_DESK; 1 ADMIN, 4 CLINICIAN). Existing rows are never touched; a missing
-- name takes its preferred id when that id is free, otherwise the next one from the sequence.
DO $$
DECLARE
    wanted record;
    seq text := pg_get_serial_sequence('roles', 'id');
BEGIN
    FOR wanted IN
        SELECT * FROM (VALUES
            (1, 'ADMIN', 'Administrator: every centre, every action'),
            (2, 'MANAGER', 'Manager: every centre'),
            (3, 'CENTRE_MANAGER', 'Centre manager: own centres'),
            (4, 'CLINICIAN', 'Clinician'),
            (5, 'CARE_COORDINATOR', 'Care coordinator: own centres'),
            (6, 'FRONT_DESK', 'Front desk: own centres')
        ) AS v (id, name, description)
        ORDER BY id
    LOOP
        CONTINUE WHEN EXISTS (SELECT 1 FROM roles WHERE name = wanted.name);
        IF EXISTS (SELECT 1 FROM roles WHERE id = wanted.id) THEN
            PERFORM setval(seq, (SELECT max(id) FROM roles));
            INSERT INTO roles (name, description) VALUES (wanted.name, wanted.description);
        ELSE
            INSERT INTO roles (id, name, description) VALUES (wanted.id, wanted.name, wanted.description);
        END IF;
    END LOOP;
    -- Past every role, and never backwards (re-applying must not rewind a used sequence).
    PERFORM setval(seq, greatest((SELECT max(id) FROM roles), coalesce(pg_sequence_last_value(seq::regclass), 1)));
END $$;

-- =================================================================================================
-- 2. Desk functions: always the current definitions. Every overlap check (the exclusion constraint,
--    the upgrade guard, `db doctor`, the tests) goes through desk_occupies_slot.
-- =================================================================================================

CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The desk's overbook marker, read by the overlap functions below (which must name it when they are
-- created, before the versioned steps run); step 5 builds the constraint on it.
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS desk_overbook_reason text;

-- Does an appointment in this state hold its clinician's time? Matches the web's clinician-wide
-- check (checkSchedulingConflicts) plus CANCELLED_BY_ADMIN, which frees the slot. Only step 1's
-- constraint (before step 5 replaces it) uses this form directly.
CREATE OR REPLACE FUNCTION desk_occupies_slot(is_active boolean, status varchar)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN is_active AND status NOT IN ('CANCELLED', 'CANCELLED_BY_ADMIN', 'NO_SHOW');

-- THE overlap predicate: the exclusion constraint, the upgrade guard, `db doctor` and the tests use
-- it. A manager's overbook (desk_overbook_reason set) sits beside another visit on purpose, so it is
-- not a double booking.
CREATE OR REPLACE FUNCTION desk_occupies_slot(is_active boolean, status varchar, overbook_reason text)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN overbook_reason IS NULL AND desk_occupies_slot(is_active, status);

-- The ten appointment statuses the web writes.
CREATE OR REPLACE FUNCTION desk_is_appointment_status(status varchar)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN status IN ('BOOKED', 'CONFIRMED', 'IN_PROGRESS', 'PENDING', 'RESCHEDULED', 'COMPLETED',
                  'CANCELLED', 'CANCELLED_BY_ADMIN', 'CANCELLATION_REQUESTED', 'NO_SHOW');

-- The last ten digits of a phone in any stored format ('9845012345', '919845012345', '+91 98450-12345').
CREATE OR REPLACE FUNCTION desk_phone_digits(phone varchar)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN right(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), 10);

-- ---- Patient directory: name keys, MRNs, the names dictionary ----------------------------------

-- unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes it safe for
-- index expressions, as is customary.
CREATE OR REPLACE FUNCTION desk_unaccent(value text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN public.unaccent('public.unaccent'::regdictionary, value);

-- A name as search compares it: lower case, accents dropped, apostrophes dropped (D'Souza = dsouza),
-- other punctuation and runs of spaces turned into one space. Scripts such as Devanagari stay as typed.
CREATE OR REPLACE FUNCTION desk_name_text(value text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN btrim(regexp_replace(translate(lower(desk_unaccent(coalesce(value, ''))), '''’`', ''),
                            '[[:space:].,;:()/_"-]+', ' ', 'g'));

-- A patient's name key, "first last" (full_name for legacy rows without first/last names).
CREATE OR REPLACE FUNCTION desk_name_key(first_name text, last_name text, full_name text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN coalesce(btrim(first_name), '') = '' AND coalesce(btrim(last_name), '') = ''
            THEN desk_name_text(full_name)
            ELSE desk_name_text(concat_ws(' ', first_name, last_name)) END;

-- The same name "last first" (a legacy full_name with its last word moved to the front), so a
-- surname typed first is a prefix too.
CREATE OR REPLACE FUNCTION desk_name_key_reversed(first_name text, last_name text, full_name text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN coalesce(btrim(first_name), '') = '' AND coalesce(btrim(last_name), '') = ''
            THEN regexp_replace(desk_name_text(full_name), '^(.+) ([^ ]+)$', '\2 \1')
            ELSE desk_name_text(concat_ws(' ', last_name, first_name)) END;

-- A LIKE pattern matching every text that starts with `prefix` (wildcards in it escaped).
CREATE OR REPLACE FUNCTION desk_like_prefix(prefix text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN replace(replace(replace(prefix, '\', '\\'), '%', '\%'), '_', '\_') || '%';

-- The MRN prefix: settings key 'clinic_desk.mrn_prefix' (a JSON string), default 'MB-'.
CREATE OR REPLACE FUNCTION desk_mrn_prefix()
RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
RETURN coalesce((SELECT s.value_json #>> '{}' FROM settings s WHERE s.key = 'clinic_desk.mrn_prefix'), 'MB-');

-- MRN number `n` with `prefix`, at least six digits: 'MB-000123'.
CREATE OR REPLACE FUNCTION desk_format_mrn(prefix text, n bigint)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN prefix || lpad(n::text, greatest(6, length(n::text)), '0');

-- The next free MRN from desk_mrn_seq (gap-tolerant: a rolled-back registration leaves a gap),
-- skipping numbers that staff already typed by hand.
CREATE OR REPLACE FUNCTION desk_next_mrn()
RETURNS text LANGUAGE plpgsql VOLATILE AS $f$
DECLARE
    prefix text := desk_mrn_prefix();
    candidate text;
BEGIN
    LOOP
        candidate := desk_format_mrn(prefix, nextval('desk_mrn_seq'));
        EXIT WHEN NOT EXISTS (SELECT 1 FROM patient_profiles p WHERE p.mrn = candidate);
    END LOOP;
    RETURN candidate;
END;
$f$;

-- Patient name keys containing every one of `words` (each normalised like a name), best match to
-- `typed` first. The table is small (a register repeats names), but the planner prices trigram
-- matching as cheap and would scan it; the trigram index is always the faster way.
CREATE OR REPLACE FUNCTION desk_patient_names_containing(words text[], typed text, max_keys integer)
RETURNS TABLE (name_key text, score real)
LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $f$
DECLARE
    condition text := 'true';
BEGIN
    FOR i IN 1 .. coalesce(array_length(words, 1), 0) LOOP
        condition := condition || format(' AND n.name_key LIKE (''%%'' || desk_like_prefix(desk_name_text($1[%s])))', i);
    END LOOP;
    RETURN QUERY EXECUTE
        'SELECT n.name_key::text, similarity(n.name_key, desk_name_text($2)) FROM desk_patient_names n WHERE '
        || condition || ' ORDER BY 2 DESC, 1 LIMIT $3'
        USING words, typed, max_keys;
END;
$f$;

-- Patient name keys close to `typed` (a typo): trigram similarity of the whole name, or of the
-- typed text to part of a name; best first.
CREATE OR REPLACE FUNCTION desk_similar_patient_names(typed text, max_keys integer)
RETURNS TABLE (name_key text, score real)
LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $f$
DECLARE
    wanted text := desk_name_text(typed);
BEGIN
    RETURN QUERY
        SELECT n.name_key::text, similarity(n.name_key, wanted) + word_similarity(wanted, n.name_key)
        FROM desk_patient_names n
        WHERE n.name_key % wanted OR wanted <% n.name_key
        ORDER BY 2 DESC, 1 LIMIT max_keys;
END;
$f$;

-- Keeps desk_patient_names (the distinct patient name keys that contains- and typo-search scan)
-- complete, whoever writes users: statement-level, so the demo's COPY of a million rows stays fast.
CREATE OR REPLACE FUNCTION desk_remember_patient_names()
RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    INSERT INTO desk_patient_names (name_key)
    SELECT DISTINCT k.name_key
    FROM (SELECT desk_name_key(n.first_name, n.last_name, n.full_name) AS name_key
          FROM changed_users n WHERE n.user_type = 'PATIENT') AS k
    WHERE k.name_key <> ''
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$f$;

-- Every pair of appointments of one clinician whose times overlap while both hold the slot.
CREATE OR REPLACE FUNCTION desk_clinician_overlaps()
RETURNS TABLE (first_id bigint, second_id bigint, clinician_id bigint,
               first_centre_id bigint, second_centre_id bigint,
               first_start timestamptz, first_end timestamptz,
               second_start timestamptz, second_end timestamptz)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT a.id, b.id, a.clinician_id, a.centre_id, b.centre_id,
           a.scheduled_start_at, a.scheduled_end_at, b.scheduled_start_at, b.scheduled_end_at
    FROM appointments a
    JOIN appointments b
      ON b.clinician_id = a.clinician_id
     AND b.id > a.id
     AND tstzrange(a.scheduled_start_at, a.scheduled_end_at, '[)') && tstzrange(b.scheduled_start_at, b.scheduled_end_at, '[)')
    WHERE desk_occupies_slot(a.is_active, a.status, a.desk_overbook_reason)
      AND desk_occupies_slot(b.is_active, b.status, b.desk_overbook_reason)
      AND a.scheduled_end_at > a.scheduled_start_at
      AND b.scheduled_end_at > b.scheduled_start_at
    ORDER BY a.clinician_id, a.scheduled_start_at, a.id, b.id;
END;

-- Every existing row that a desk constraint would refuse, in words with ids and times (IST).
CREATE OR REPLACE FUNCTION desk_schema_violations()
RETURNS TABLE (problem text, detail text)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT 'clinician double-booked',
           format('appointments %s and %s: clinician %s, %s–%s (centre %s) overlaps %s–%s (centre %s)',
                  o.first_id, o.second_id, o.clinician_id,
                  to_char(o.first_start AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD HH24:MI'),
                  to_char(o.first_end AT TIME ZONE 'Asia/Kolkata', 'HH24:MI'), o.first_centre_id,
                  to_char(o.second_start AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD HH24:MI'),
                  to_char(o.second_end AT TIME ZONE 'Asia/Kolkata', 'HH24:MI'), o.second_centre_id)
    FROM desk_clinician_overlaps() o
    UNION ALL
    SELECT 'appointment ends before it starts',
           format('appointment %s: %s–%s', a.id, a.scheduled_start_at, a.scheduled_end_at)
    FROM appointments a WHERE NOT (a.scheduled_end_at > a.scheduled_start_at)
    UNION ALL
    SELECT 'unknown appointment status', format('appointment %s: status %L', a.id, a.status)
    FROM appointments a WHERE NOT desk_is_appointment_status(a.status)
    UNION ALL
    SELECT 'unknown status in appointment_status_history',
           format('history row %s (appointment %s): %L -> %L', h.id, h.appointment_id, h.previous_status, h.new_status)
    FROM appointment_status_history h
    WHERE NOT desk_is_appointment_status(h.new_status)
       OR (h.previous_status IS NOT NULL AND NOT desk_is_appointment_status(h.previous_status))
    UNION ALL
    SELECT 'negative payment amount',
           format('payment %s: amount %s, registration fee %s, consultation fee %s', p.id, p.amount, p.registration_fee, p.consultation_fee)
    FROM payments p WHERE p.amount < 0 OR p.registration_fee < 0 OR p.consultation_fee < 0
    UNION ALL
    SELECT 'negative consultation fee', format('clinician %s: consultation_fee %s', c.id, c.consultation_fee)
    FROM clinician_profiles c WHERE c.consultation_fee < 0
    UNION ALL
    SELECT 'several video sessions for one appointment',
           format('appointment %s has video_sessions %s', v.appointment_id, string_agg(v.id::text, ', ' ORDER BY v.id))
    FROM video_sessions v GROUP BY v.appointment_id HAVING count(*) > 1
    UNION ALL
    SELECT 'availability rule ends before it starts',
           format('rule %s (clinician %s): %s–%s', r.id, r.clinician_id, r.start_time, r.end_time)
    FROM clinician_availability_rules r WHERE NOT (r.end_time > r.start_time);
END;

-- Appointments of one patient that overlap (the web allows it; the desk reports it, never refuses).
CREATE OR REPLACE FUNCTION desk_patient_overlaps()
RETURNS TABLE (patient_id bigint, first_id bigint, second_id bigint, first_start timestamptz, second_start timestamptz)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT a.patient_id, a.id, b.id, a.scheduled_start_at, b.scheduled_start_at
    FROM appointments a
    JOIN appointments b
      ON b.patient_id = a.patient_id
     AND b.id > a.id
     AND tstzrange(a.scheduled_start_at, a.scheduled_end_at, '[)') && tstzrange(b.scheduled_start_at, b.scheduled_end_at, '[)')
    WHERE desk_occupies_slot(a.is_active, a.status, a.desk_overbook_reason)
      AND desk_occupies_slot(b.is_active, b.status, b.desk_overbook_reason)
      AND a.scheduled_end_at > a.scheduled_start_at
      AND b.scheduled_end_at > b.scheduled_start_at
    ORDER BY a.patient_id, a.scheduled_start_at;
END;

-- Drops the CHECK constraints of `tbl` that cover exactly the columns `cols` (whatever the web named
-- them), so a wider desk CHECK can replace them.
CREATE OR REPLACE FUNCTION desk_drop_checks_on(tbl regclass, cols text[])
RETURNS void LANGUAGE plpgsql AS $f$
DECLARE
    found record;
BEGIN
    FOR found IN
        SELECT c.conname
        FROM pg_constraint c
        WHERE c.conrelid = tbl AND c.contype = 'c'
          AND (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM pg_attribute a
               WHERE a.attrelid = tbl AND a.attnum = ANY (c.conkey))
              = (SELECT array_agg(x ORDER BY x) FROM unnest(cols) AS x)
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', tbl, found.conname);
    END LOOP;
END;
$f$;

-- One field of the audit chain's canonical text: NULL and '' stay distinct, '|' cannot fake a field.
CREATE OR REPLACE FUNCTION desk_audit_field(value text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN value IS NULL THEN '-' ELSE length(value)::text || ':' || value END;

-- The canonical text of an audit row that its hash covers (clinic-desk's verifier hashes the same).
CREATE OR REPLACE FUNCTION desk_audit_canonical(prev_hash bytea, chain_key text, chain_seq bigint,
    occurred_at timestamptz, actor_user_id bigint, centre_id bigint, action text, entity_type text,
    entity_id bigint, host text, details jsonb)
RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
RETURN concat_ws('|',
    desk_audit_field(encode(prev_hash, 'hex')),
    desk_audit_field(chain_key),
    desk_audit_field(chain_seq::text),
    desk_audit_field(to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
    desk_audit_field(actor_user_id::text),
    desk_audit_field(centre_id::text),
    desk_audit_field(action),
    desk_audit_field(entity_type),
    desk_audit_field(entity_id::text),
    desk_audit_field(host),
    desk_audit_field(details::text));

-- Places a new audit row at the end of its centre's chain. The advisory lock serialises writers of
-- one chain only; a fresh statement snapshot after the lock sees the predecessor (READ COMMITTED).
CREATE OR REPLACE FUNCTION desk_audit_log_chain()
RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
    last_seq bigint;
    last_hash bytea;
BEGIN
    NEW.chain_key := CASE WHEN NEW.centre_id IS NULL THEN 'chain' ELSE 'centre:' || NEW.centre_id END;
    PERFORM pg_advisory_xact_lock(hashtextextended('desk_audit_log:' || NEW.chain_key, 0));
    SELECT l.chain_seq, l.row_hash INTO last_seq, last_hash
      FROM desk_audit_log l WHERE l.chain_key = NEW.chain_key
      ORDER BY l.chain_seq DESC LIMIT 1;
    NEW.chain_seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, decode(repeat('00', 32), 'hex'));
    NEW.occurred_at := coalesce(NEW.occurred_at, now());
    NEW.details := coalesce(NEW.details, '{}'::jsonb);
    NEW.row_hash := sha256(convert_to(desk_audit_canonical(NEW.prev_hash, NEW.chain_key, NEW.chain_seq,
        NEW.occurred_at, NEW.actor_user_id, NEW.centre_id, NEW.action, NEW.entity_type, NEW.entity_id,
        NEW.host, NEW.details), 'UTF8'));
    RETURN NEW;
END;
$f$;

CREATE OR REPLACE FUNCTION desk_audit_log_refuse_change()
RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    RAISE EXCEPTION 'desk_audit_log is append-only: % is refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$f$;

-- The local calendar day of an instant at a centre; a centre with an unknown zone falls back to IST
-- rather than failing the web's write.
CREATE OR REPLACE FUNCTION desk_local_day(instant timestamptz, zone text)
RETURNS text LANGUAGE plpgsql STABLE AS $f$
BEGIN
    RETURN to_char(instant AT TIME ZONE coalesce(zone, 'Asia/Kolkata'), 'YYYY-MM-DD');
EXCEPTION WHEN invalid_parameter_value THEN
    RETURN to_char(instant AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD');
END;
$f$;

-- NOTIFY clinic_desk_changes with {table, op, id, centre, day} for a changed appointment or payment.
CREATE OR REPLACE FUNCTION desk_notify_change()
RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
    changed record;
    centre bigint;
    starts timestamptz;
    zone text;
BEGIN
    IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
    IF TG_TABLE_NAME = 'appointments' THEN
        centre := changed.centre_id;
        starts := changed.scheduled_start_at;
    ELSE
        SELECT a.centre_id, a.scheduled_start_at INTO centre, starts FROM appointments a WHERE a.id = changed.appointment_id;
    END IF;
    SELECT c.timezone INTO zone FROM centres c WHERE c.id = centre;
    PERFORM pg_notify('clinic_desk_changes', json_build_object(
        'table', TG_TABLE_NAME, 'op', TG_OP, 'id', changed.id, 'centre', centre,
        'day', desk_local_day(starts, zone))::text);
    -- A moved appointment also changes the day it left (nested IFs: plpgsql does not short-circuit,
    -- and a payments row has no centre_id).
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'appointments' THEN
        IF OLD.centre_id IS DISTINCT FROM NEW.centre_id OR OLD.scheduled_start_at IS DISTINCT FROM NEW.scheduled_start_at THEN
            SELECT c.timezone INTO zone FROM centres c WHERE c.id = OLD.centre_id;
            PERFORM pg_notify('clinic_desk_changes', json_build_object(
                'table', TG_TABLE_NAME, 'op', TG_OP, 'id', OLD.id, 'centre', OLD.centre_id,
                'day', desk_local_day(OLD.scheduled_start_at, zone))::text);
        END IF;
    END IF;
    RETURN NULL;
END;
$f$;

-- Every OTP row inserted (by the desk or the web) goes into desk_otp_send_log with its own
-- created_at and the phone's last ten digits, so the "3 sends per 5 minutes" rule still counts rows
-- the web's storeOTP and cleanup have deleted. Patient codes are bcrypt, staff codes SHA-256 hex.
CREATE OR REPLACE FUNCTION desk_log_otp_send()
RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    INSERT INTO desk_otp_send_log (otp_request_id, phone_digits, is_patient_code, created_at)
    VALUES (NEW.id, desk_phone_digits(NEW.phone), NEW.otp_hash LIKE '$2%', coalesce(NEW.created_at, now()));
    RETURN NULL;
END;
$f$;

-- A patient OTP row that becomes used (verified by the desk or on the web) is logged, with the desk
-- user when the desk set `clinic_desk.actor_user_id` for its transaction; the web's cleanup cannot
-- erase it.
CREATE OR REPLACE FUNCTION desk_log_otp_verification()
RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
    desk_actor text := nullif(current_setting('clinic_desk.actor_user_id', true), '');
BEGIN
    IF NEW.otp_hash LIKE '$2%' THEN
        INSERT INTO desk_phone_verifications (otp_request_id, phone_digits, verified_by_user_id, source)
        VALUES (NEW.id, desk_phone_digits(NEW.phone), desk_actor::bigint,
                CASE WHEN desk_actor IS NULL THEN 'WEB' ELSE 'DESK' END);
    END IF;
    RETURN NULL;
END;
$f$;

-- A SUCCESS payment for an appointment the desk released as a stale hold (whoever writes it, the web
-- included) goes into desk_paid_released, so a manager restores the visit or refunds the money.
CREATE OR REPLACE FUNCTION desk_catch_paid_released()
RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
    released timestamptz;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.status = 'SUCCESS' THEN
            RETURN NULL;
        END IF;
    END IF;
    -- FOR UPDATE waits for a release a desk is committing, then sees it.
    SELECT a.desk_released_at INTO released FROM appointments a WHERE a.id = NEW.appointment_id FOR UPDATE;
    IF released IS NOT NULL THEN
        INSERT INTO desk_paid_released (payment_id, appointment_id) VALUES (NEW.id, NEW.appointment_id)
        ON CONFLICT (payment_id) DO NOTHING;
    END IF;
    RETURN NULL;
END;
$f$;

-- Writers of one clinician's time take turns. Without it two concurrent inserts of one slot can each
-- wait for the other inside the exclusion check: PostgreSQL then kills one with a deadlock (40P01)
-- after a second instead of refusing it with 23P01 ("slot just taken") at once. One lock per
-- clinician, not per quarter hour: a transaction writing many visits (the demo seed, a leave) would
-- otherwise hold thousands of locks and run the server out of lock memory (53200).
CREATE OR REPLACE FUNCTION desk_serialise_clinician_time()
RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('desk_clinician_time:' || NEW.clinician_id, 0));
    RETURN NEW;
END;
$f$;

-- =================================================================================================
-- 3. Guard: existing rows that a desk constraint would refuse stop the upgrade; nothing is changed.
-- =================================================================================================
DO $$
DECLARE
    problem_count integer;
    listing text;
BEGIN
    SELECT count(*), string_agg(v.problem || ': ' || v.detail, E'\n')
      INTO problem_count, listing
      FROM desk_schema_violations() v;
    IF problem_count > 0 THEN
        RAISE EXCEPTION 'clinic-desk cannot apply schema.sql: % existing row problem(s) must be fixed first. Nothing was changed.', problem_count
            USING DETAIL = listing,
                  HINT = 'Run `clinic-desk db doctor` for the report and what to do, fix the rows, then apply schema.sql again.';
    END IF;
END $$;

-- =================================================================================================
-- 4. Versioned desk steps. A step runs once; later steps alter what earlier ones created.
-- =================================================================================================
CREATE TABLE IF NOT EXISTS desk_schema_version (
    version     integer PRIMARY KEY,
    description text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);

-- ---- Step 1: the desk's foundation ------------------------------------------------------------
DO $step$
BEGIN
    IF EXISTS (SELECT 1 FROM desk_schema_version WHERE version = 1) THEN
        RETURN;
    END IF;

    -- One clinician, one place at a time: no overlapping appointments that hold the slot.
    ALTER TABLE appointments ADD CONSTRAINT appointments_no_clinician_overlap
        EXCLUDE USING gist (clinician_id WITH =, tstzrange(scheduled_start_at, scheduled_end_at, '[)') WITH &&)
        WHERE (desk_occupies_slot(is_active, status));
    ALTER TABLE appointments ADD CONSTRAINT appointments_end_after_start
        CHECK (scheduled_end_at > scheduled_start_at);

    -- Replace the web's status CHECK (which rejects CANCELLED_BY_ADMIN) by the full set.
    PERFORM desk_drop_checks_on('appointments', ARRAY['status']);
    ALTER TABLE appointments ADD CONSTRAINT appointments_status_check CHECK (desk_is_appointment_status(status));
    PERFORM desk_drop_checks_on('appointment_status_history', ARRAY['previous_status']);
    PERFORM desk_drop_checks_on('appointment_status_history', ARRAY['new_status']);
    PERFORM desk_drop_checks_on('appointment_status_history', ARRAY['new_status', 'previous_status']);
    ALTER TABLE appointment_status_history ADD CONSTRAINT appointment_status_history_status_check
        CHECK (desk_is_appointment_status(new_status)
               AND (previous_status IS NULL OR desk_is_appointment_status(previous_status)));

    ALTER TABLE payments ADD CONSTRAINT payments_amounts_not_negative
        CHECK (amount >= 0 AND registration_fee >= 0 AND consultation_fee >= 0);
    ALTER TABLE clinician_profiles ADD CONSTRAINT clinician_profiles_fee_not_negative
        CHECK (consultation_fee IS NULL OR consultation_fee >= 0);
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'clinician_availability_rules'::regclass
                   AND contype = 'c' AND pg_get_constraintdef(oid) ILIKE '%end_time > start_time%') THEN
        ALTER TABLE clinician_availability_rules ADD CONSTRAINT valid_time_range CHECK (end_time > start_time);
    END IF;

    -- The web's `INSERT ... ON CONFLICT (appointment_id)` into video_sessions needs this to plan.
    IF NOT EXISTS (SELECT 1 FROM pg_index i
                   WHERE i.indrelid = 'video_sessions'::regclass AND i.indisunique AND i.indpred IS NULL
                     AND i.indnatts = 1
                     AND i.indkey[0] = (SELECT attnum FROM pg_attribute
                                        WHERE attrelid = 'video_sessions'::regclass AND attname = 'appointment_id')) THEN
        CREATE UNIQUE INDEX ux_video_sessions_appointment ON video_sessions (appointment_id);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_index i
                   WHERE i.indrelid = 'patient_profiles'::regclass AND i.indisunique AND i.indnatts = 1
                     AND i.indkey[0] = (SELECT attnum FROM pg_attribute
                                        WHERE attrelid = 'patient_profiles'::regclass AND attname = 'mrn')) THEN
        CREATE UNIQUE INDEX ux_patient_profiles_mrn ON patient_profiles (mrn);
    END IF;

    -- Hot paths: phones in either stored format, by full number and by last digits; day views.
    CREATE INDEX ix_users_phone_digits ON users (desk_phone_digits(phone)) WHERE phone IS NOT NULL;
    CREATE INDEX ix_users_phone_digits_reversed ON users (reverse(desk_phone_digits(phone)) text_pattern_ops)
        WHERE phone IS NOT NULL;
    CREATE INDEX ix_patient_profiles_emergency_phone ON patient_profiles (desk_phone_digits(emergency_contact_phone))
        WHERE emergency_contact_phone IS NOT NULL;
    CREATE INDEX ix_appointments_centre_start ON appointments (centre_id, scheduled_start_at);
    CREATE INDEX ix_appointments_clinician_start ON appointments (clinician_id, scheduled_start_at);
    CREATE INDEX ix_payments_appointment_created ON payments (appointment_id, created_at DESC);

    -- Append-only, hash-chained audit log of staff actions. One chain per centre (plus one for
    -- chain-wide actions), so writers at different centres never wait for each other.
    CREATE TABLE desk_audit_log (
        id            bigserial PRIMARY KEY,
        chain_key     varchar(40) NOT NULL,
        chain_seq     bigint NOT NULL,
        occurred_at   timestamptz NOT NULL DEFAULT now(),
        actor_user_id bigint REFERENCES users (id),
        centre_id     bigint REFERENCES centres (id),
        action        varchar(80) NOT NULL,
        entity_type   varchar(60) NOT NULL,
        entity_id     bigint,
        host          varchar(255),
        details       jsonb NOT NULL DEFAULT '{}'::jsonb,
        prev_hash     bytea NOT NULL,
        row_hash      bytea NOT NULL,
        CONSTRAINT desk_audit_log_chain_position UNIQUE (chain_key, chain_seq)
    );
    CREATE INDEX ix_desk_audit_log_occurred ON desk_audit_log (occurred_at);
    CREATE INDEX ix_desk_audit_log_entity ON desk_audit_log (entity_type, entity_id);

    CREATE TRIGGER desk_audit_log_chain BEFORE INSERT ON desk_audit_log
        FOR EACH ROW EXECUTE FUNCTION desk_audit_log_chain();
    CREATE TRIGGER desk_audit_log_append_only BEFORE UPDATE OR DELETE ON desk_audit_log
        FOR EACH ROW EXECUTE FUNCTION desk_audit_log_refuse_change();
    CREATE TRIGGER desk_audit_log_no_truncate BEFORE TRUNCATE ON desk_audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION desk_audit_log_refuse_change();

    -- Live refresh for every desk, whoever changed the row (the web included).
    CREATE TRIGGER desk_notify_appointments AFTER INSERT OR UPDATE OR DELETE ON appointments
        FOR EACH ROW EXECUTE FUNCTION desk_notify_change();
    CREATE TRIGGER desk_notify_payments AFTER INSERT OR UPDATE OR DELETE ON payments
        FOR EACH ROW EXECUTE FUNCTION desk_notify_change();

    INSERT INTO desk_schema_version (version, description)
    VALUES (1, 'foundation: overlap exclusion, status and amount checks, audit chain, live notifications, phone indexes');
END
$step$;

-- ---- Step 2: staff sign-in bookkeeping ----------------------------------------------------------
DO $step$
BEGIN
    IF EXISTS (SELECT 1 FROM desk_schema_version WHERE version = 2) THEN
        RETURN;
    END IF;

    -- Failed attempts and the lock of a staff login, counted with the database's now() (one clock).
    -- Sign-ins, failures, locks and patient-record views themselves are audited in desk_audit_log
    -- (its (entity_type, entity_id) index answers "who looked at this patient").
    CREATE TABLE desk_staff_sign_in_state (
        user_id           bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        failed_attempts   integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until      timestamptz,
        last_failed_at    timestamptz,
        last_signed_in_at timestamptz,
        updated_at        timestamptz NOT NULL DEFAULT now()
    );

    INSERT INTO desk_schema_version (version, description)
    VALUES (2, 'staff sign-in: failed attempts and lock per staff login');
END
$step$;

-- ---- Step 3: patient directory (search indexes, MRN sequence, households) --------------------
DO $step$
BEGIN
    IF EXISTS (SELECT 1 FROM desk_schema_version WHERE version = 3) THEN
        RETURN;
    END IF;

    -- STEP 3 BODY (patient directory)
    -- Households: a patient without a phone of their own (a child, an elderly parent) is reached on
    -- the phone of the holder named here; messages for them go to the holder's phone.
    ALTER TABLE patient_profiles ADD COLUMN IF NOT EXISTS desk_contact_holder_patient_id bigint
        REFERENCES patient_profiles (id);
    ALTER TABLE patient_profiles ADD CONSTRAINT patient_profiles_holder_not_self
        CHECK (desk_contact_holder_patient_id <> id);
    CREATE INDEX ix_patient_profiles_contact_holder ON patient_profiles (desk_contact_holder_patient_id)
        WHERE desk_contact_holder_patient_id IS NOT NULL;
    -- Duplicate advice: close names with the same birth date.
    CREATE INDEX ix_patient_profiles_date_of_birth ON patient_profiles (date_of_birth)
        WHERE date_of_birth IS NOT NULL;

    -- Name search: exact and prefix matches walk these in order and stop at the page size.
    CREATE INDEX ix_users_patient_name ON users ((desk_name_key(first_name, last_name, full_name) COLLATE "C"), id)
        WHERE user_type = 'PATIENT' AND is_active;
    CREATE INDEX ix_users_patient_name_reversed
        ON users ((desk_name_key_reversed(first_name, last_name, full_name) COLLATE "C"), id)
        WHERE user_type = 'PATIENT' AND is_active;
    -- Last digits of active patients' phones, in order, so "the last 4 digits" stops at the page size.
    CREATE INDEX ix_users_patient_phone_reversed ON users ((reverse(desk_phone_digits(phone)) COLLATE "C"), id)
        WHERE user_type = 'PATIENT' AND is_active AND phone IS NOT NULL;

    -- Statistics on the looked-up expressions (their indexes are partial, whose expression
    -- statistics the planner ignores): without them a phone lookup is estimated at thousands of rows
    -- and planned as a parallel scan whose workers alone cost ~10 ms.
    CREATE STATISTICS desk_users_phone_digits_stats ON (desk_phone_digits(phone)) FROM users;
    CREATE STATISTICS desk_users_phone_ending_stats ON (reverse(desk_phone_digits(phone))) FROM users;
    CREATE STATISTICS desk_users_name_key_stats ON (desk_name_key(first_name, last_name, full_name)) FROM users;
    CREATE STATISTICS desk_users_name_key_reversed_stats
        ON (desk_name_key_reversed(first_name, last_name, full_name)) FROM users;

    -- The distinct name keys of patients (a register repeats names, so this is far smaller than
    -- users): contains- and typo-search find keys here by trigram, then patients by key.
    CREATE TABLE desk_patient_names (
        name_key text COLLATE "C" PRIMARY KEY
    );
    CREATE INDEX ix_desk_patient_names_trgm ON desk_patient_names USING gin (name_key gin_trgm_ops);
    INSERT INTO desk_patient_names (name_key)
    SELECT DISTINCT desk_name_key(first_name, last_name, full_name) FROM users
    WHERE user_type = 'PATIENT' AND desk_name_key(first_name, last_name, full_name) <> '';
    CREATE TRIGGER desk_patient_names_insert AFTER INSERT ON users
        REFERENCING NEW TABLE AS changed_users
        FOR EACH STATEMENT EXECUTE FUNCTION desk_remember_patient_names();
    CREATE TRIGGER desk_patient_names_update AFTER UPDATE ON users
        REFERENCING NEW TABLE AS changed_users
        FOR EACH STATEMENT EXECUTE FUNCTION desk_remember_patient_names();

    -- MRNs: desk_next_mrn() draws from this sequence, starting after the highest number already
    -- issued with the configured prefix.
    CREATE SEQUENCE desk_mrn_seq AS bigint MINVALUE 1 NO CYCLE;
    PERFORM setval('desk_mrn_seq', m.n)
    FROM (SELECT max(substr(p.mrn, length(desk_mrn_prefix()) + 1)::bigint) AS n
          FROM patient_profiles p
          WHERE starts_with(p.mrn, desk_mrn_prefix())
            AND substr(p.mrn, length(desk_mrn_prefix()) + 1) ~ '^[0-9]{1,18}$') AS m
    WHERE m.n IS NOT NULL;

    INSERT INTO desk_schema_version (version, description)
    VALUES (3, 'patient directory: name search indexes, MRN sequence, households');
END
$step$;

-- ---- Step 4: WhatsApp OTP and the notification outbox ------------------------------------------
DO $step$
BEGIN
    IF EXISTS (SELECT 1 FROM desk_schema_version WHERE version = 4) THEN
        RETURN;
    END IF;

    -- STEP 4 BODY (OTP send log, pending codes, outbox columns)
    -- Every OTP row ever inserted, desk or web (trigger desk_log_otp_send). No FK: the web deletes
    -- otp_requests rows, and this log must keep counting them for the send limit.
    CREATE TABLE desk_otp_send_log (
        id              bigserial PRIMARY KEY,
        otp_request_id  bigint NOT NULL,
        phone_digits    varchar(10) NOT NULL,
        is_patient_code boolean NOT NULL,
        created_at      timestamptz NOT NULL
    );
    CREATE INDEX ix_desk_otp_send_log_phone ON desk_otp_send_log (phone_digits, created_at DESC);
    INSERT INTO desk_otp_send_log (otp_request_id, phone_digits, is_patient_code, created_at)
    SELECT id, desk_phone_digits(phone), otp_hash LIKE '$2%', created_at FROM otp_requests;
    CREATE TRIGGER desk_otp_send_log AFTER INSERT ON otp_requests
        FOR EACH ROW EXECUTE FUNCTION desk_log_otp_send();

    -- Every patient OTP that became used, whoever verified it (trigger desk_log_otp_verification).
    CREATE TABLE desk_phone_verifications (
        id                  bigserial PRIMARY KEY,
        otp_request_id      bigint NOT NULL,
        phone_digits        varchar(10) NOT NULL,
        verified_by_user_id bigint REFERENCES users (id),
        source              varchar(10) NOT NULL CHECK (source IN ('DESK', 'WEB')),
        verified_at         timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX ix_desk_phone_verifications_phone ON desk_phone_verifications (phone_digits, verified_at DESC);
    -- Codes the web verified before this step: the moment of use is unknown, so their send time stands in.
    INSERT INTO desk_phone_verifications (otp_request_id, phone_digits, source, verified_at)
    SELECT id, desk_phone_digits(phone), 'WEB', created_at FROM otp_requests WHERE is_used AND otp_hash LIKE '$2%';
    CREATE TRIGGER desk_phone_verification AFTER UPDATE OF is_used ON otp_requests
        FOR EACH ROW WHEN (NEW.is_used AND NOT OLD.is_used)
        EXECUTE FUNCTION desk_log_otp_verification();

    -- The outbox: desk columns on the web's notifications table. The web reads payload_data and
    -- status; the desk writes QUEUED rows and its worker moves them to SENT or FAILED.
    ALTER TABLE notifications
        ADD COLUMN desk_template_name       varchar(100),
        ADD COLUMN desk_attempts            integer NOT NULL DEFAULT 0 CHECK (desk_attempts >= 0),
        ADD COLUMN desk_next_attempt_at     timestamptz,
        ADD COLUMN desk_claim_token         varchar(64),
        ADD COLUMN desk_last_error          text,
        ADD COLUMN desk_provider_message_id varchar(100);
    CREATE INDEX ix_notifications_desk_due ON notifications (desk_next_attempt_at, id)
        WHERE status = 'QUEUED' AND desk_template_name IS NOT NULL;
    CREATE INDEX ix_notifications_user_created ON notifications (user_id, created_at DESC);

    -- A plain OTP waits here (never in notifications.payload_data, which staff and the web's admin
    -- screens read) until the worker sends it; deleted once sent, failed, replaced or expired.
    CREATE TABLE desk_pending_otp_codes (
        notification_id bigint PRIMARY KEY REFERENCES notifications (id) ON DELETE CASCADE,
        otp_request_id  bigint NOT NULL,
        code            text NOT NULL CHECK (code ~ '^[0-9]{6}$'),
        expires_at      timestamptz NOT NULL
    );
    CREATE INDEX ix_desk_pending_otp_codes_request ON desk_pending_otp_codes (otp_request_id);

    -- The desk's own record of a patient's phone proved by OTP at the desk (which number, when, by whom).
    ALTER TABLE patient_profiles
        ADD COLUMN desk_phone_verified_at       timestamptz,
        ADD COLUMN desk_phone_verified_phone    varchar(20),
        ADD COLUMN desk_phone_verified_by_user_id bigint REFERENCES users (id);

    INSERT INTO desk_schema_version (version, description)
    VALUES (4, 'OTP send log, codes waiting for delivery, notification outbox columns');
END
$step$;

-- ---- Step 5: booking, check-in, overbooks, leave, stale holds, reminders, policies ------------------
DO $step$
BEGIN
    IF EXISTS (SELECT 1 FROM desk_schema_version WHERE version = 5) THEN
        RETURN;
    END IF;

    -- An overbook is not a double booking: the constraint's predicate now reads the marker.
    ALTER TABLE appointments DROP CONSTRAINT appointments_no_clinician_overlap;
    ALTER TABLE appointments ADD CONSTRAINT appointments_no_clinician_overlap
        EXCLUDE USING gist (clinician_id WITH =, tstzrange(scheduled_start_at, scheduled_end_at, '[)') WITH &&)
        WHERE (desk_occupies_slot(is_active, status, desk_overbook_reason));

    ALTER TABLE appointments
        ADD COLUMN desk_overbooked_by_user_id bigint REFERENCES users (id),
        ADD COLUMN desk_checked_in_at         timestamptz,
        ADD COLUMN desk_checked_in_by_user_id bigint REFERENCES users (id),
        ADD COLUMN desk_queue_token           integer CHECK (desk_queue_token > 0),
        ADD COLUMN desk_released_at           timestamptz,
        ADD COLUMN desk_released_by_user_id   bigint REFERENCES users (id);
    CREATE INDEX ix_appointments_unpaid_holds ON appointments (created_at) WHERE status = 'BOOKED' AND is_active;
    CREATE INDEX ix_appointments_cancellation_requests ON appointments (cancellation_requested_at)
        WHERE status = 'CANCELLATION_REQUESTED';

    -- A reschedule's history row carries where the visit was and where it went.
    ALTER TABLE appointment_status_history
        ADD COLUMN previous_start_at timestamptz,
        ADD COLUMN new_start_at      timestamptz;

    -- Walk-in queue tokens: one counter per centre per local day.
    CREATE TABLE desk_queue_tokens (
        centre_id  bigint NOT NULL REFERENCES centres (id),
        day        date NOT NULL,
        last_token integer NOT NULL CHECK (last_token > 0),
        PRIMARY KEY (centre_id, day)
    );

    -- Leave (a clinician, every centre) and holidays (a centre, every clinician), written to the web as
    -- blocked_slots rows that point back here.
    CREATE TABLE desk_leaves (
        id                 bigserial PRIMARY KEY,
        kind               varchar(10) NOT NULL CHECK (kind IN ('LEAVE', 'HOLIDAY')),
        clinician_id       bigint REFERENCES clinician_profiles (id),
        centre_id          bigint REFERENCES centres (id),
        first_day          date NOT NULL,
        last_day           date NOT NULL,
        reason             text NOT NULL CHECK (length(btrim(reason)) > 0),
        created_by_user_id bigint NOT NULL REFERENCES users (id),
        created_at         timestamptz NOT NULL DEFAULT now(),
        lifted_at          timestamptz,
        lifted_by_user_id  bigint REFERENCES users (id),
        CHECK (last_day >= first_day),
        CHECK ((kind = 'LEAVE' AND clinician_id IS NOT NULL) OR (kind = 'HOLIDAY' AND centre_id IS NOT NULL))
    );
    ALTER TABLE blocked_slots ADD COLUMN desk_leave_id bigint REFERENCES desk_leaves (id);
    CREATE INDEX ix_blocked_slots_desk_leave ON blocked_slots (desk_leave_id) WHERE desk_leave_id IS NOT NULL;

    -- Paid after the desk released the hold: waits here until a manager restores or refunds.
    CREATE TABLE desk_paid_released (
        id                  bigserial PRIMARY KEY,
        payment_id          bigint NOT NULL UNIQUE REFERENCES payments (id),
        appointment_id      bigint NOT NULL REFERENCES appointments (id),
        detected_at         timestamptz NOT NULL DEFAULT now(),
        resolved_at         timestamptz,
        resolved_by_user_id bigint REFERENCES users (id),
        resolution          varchar(20) CHECK (resolution IN ('RESTORED', 'REFUND'))
    );
    CREATE TRIGGER desk_paid_released AFTER INSERT OR UPDATE OF status ON payments
        FOR EACH ROW WHEN (NEW.status = 'SUCCESS')
        EXECUTE FUNCTION desk_catch_paid_released();

    -- One reminder per appointment, ever.
    CREATE TABLE desk_reminders_sent (
        appointment_id  bigint PRIMARY KEY REFERENCES appointments (id) ON DELETE CASCADE,
        notification_id bigint REFERENCES notifications (id) ON DELETE SET NULL,
        sent_at         timestamptz NOT NULL DEFAULT now()
    );

    INSERT INTO desk_schema_version (version, description)
    VALUES (5, 'overbook marker in the overlap constraint, check-in tokens, leave, stale holds, reminders, policies');
END
$step$;

-- ---- Step 6: clashing bookings refused as taken (never a deadlock); phone search by first digits ---
DO $step$
BEGIN
    IF EXISTS (SELECT 1 FROM desk_schema_version WHERE version = 6) THEN
        RETURN;
    END IF;

    CREATE TRIGGER desk_serialise_clinician_time_insert BEFORE INSERT ON appointments
        FOR EACH ROW WHEN (desk_occupies_slot(NEW.is_active, NEW.status, NEW.desk_overbook_reason))
        EXECUTE FUNCTION desk_serialise_clinician_time();
    CREATE TRIGGER desk_serialise_clinician_time_update
        BEFORE UPDATE OF clinician_id, scheduled_start_at, scheduled_end_at, status, is_active, desk_overbook_reason
        ON appointments
        FOR EACH ROW WHEN (desk_occupies_slot(NEW.is_active, NEW.status, NEW.desk_overbook_reason))
        EXECUTE FUNCTION desk_serialise_clinician_time();

    -- The first digits of a number being read out find the patient (the last digits use the reversed index).
    CREATE INDEX ix_users_patient_phone_prefix ON users ((desk_phone_digits(phone) COLLATE "C"), id)
        WHERE user_type = 'PATIENT' AND is_active AND phone IS NOT NULL;

    INSERT INTO desk_schema_version (version, description)
    VALUES (6, 'writers of one clinician''s time take turns (a clash is 23P01, not a deadlock); phone search by first digits');
END
$step$;

COMMIT;
