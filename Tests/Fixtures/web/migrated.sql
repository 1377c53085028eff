-- Web booking backend schema in its final shape: the January 2026 pg_dump (PART 1, identical to
-- january-dump.sql) followed by the effects of the web's hand-run migration scripts and fixes
-- (PART 2), i.e. the "latest / chosen" column of web-schema.md §0.1 and the column tables of §1.4.
-- Standalone: load with psql -v ON_ERROR_STOP=1 -f migrated.sql on an empty database.
-- Deliberately kept web defects (do not "fix" them here; schema.sql must cope with them):
--   * video_sessions(appointment_id) has only a NON-unique index;
--   * appointments.status CHECK has 9 values and rejects CANCELLED_BY_ADMIN;
--   * appointment_status_history CHECK rejects PENDING, CANCELLATION_REQUESTED, CANCELLED_BY_ADMIN;
--   * no constraint against overlapping appointments.

-- =============================================================================================
-- PART 1: the January 2026 dump (baseline [B])
-- =============================================================================================
-- ---------------------------------------------------------------------------------------------
-- Tables and their sequences
-- ---------------------------------------------------------------------------------------------

CREATE TABLE public.roles (
    id bigint NOT NULL,
    name character varying(50) NOT NULL,
    description text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE SEQUENCE public.roles_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.roles_id_seq OWNED BY public.roles.id;

CREATE TABLE public.centres (
    id bigint NOT NULL,
    name character varying(150) NOT NULL,
    city character varying(100) NOT NULL,
    address_line1 character varying(255),
    address_line2 character varying(255),
    pincode character varying(20),
    contact_phone character varying(20),
    timezone character varying(100) DEFAULT 'Asia/Kolkata'::character varying NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE SEQUENCE public.centres_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.centres_id_seq OWNED BY public.centres.id;

CREATE TABLE public.users (
    id bigint NOT NULL,
    phone character varying(20),
    email character varying(255),
    username character varying(50),
    password_hash text,
    full_name character varying(150) NOT NULL,
    user_type character varying(20) NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT users_user_type_check CHECK (((user_type)::text = ANY ((ARRAY['PATIENT'::character varying, 'STAFF'::character varying])::text[])))
);
CREATE SEQUENCE public.users_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;

CREATE TABLE public.user_roles (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    role_id bigint NOT NULL,
    centre_id bigint,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE SEQUENCE public.user_roles_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.user_roles_id_seq OWNED BY public.user_roles.id;

CREATE TABLE public.otp_requests (
    id bigint NOT NULL,
    phone character varying(20) NOT NULL,
    otp_hash text NOT NULL,
    purpose character varying(30) NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    is_used boolean DEFAULT false NOT NULL,
    attempts_count integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT otp_requests_purpose_check CHECK (((purpose)::text = ANY ((ARRAY['LOGIN'::character varying, 'SIGNUP'::character varying, 'PASSWORD_RESET'::character varying])::text[])))
);
CREATE SEQUENCE public.otp_requests_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.otp_requests_id_seq OWNED BY public.otp_requests.id;

CREATE TABLE public.auth_sessions (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    refresh_token_hash text NOT NULL,
    user_agent text,
    ip_address inet,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE SEQUENCE public.auth_sessions_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.auth_sessions_id_seq OWNED BY public.auth_sessions.id;

CREATE TABLE public.patient_profiles (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    date_of_birth date,
    gender character varying(20),
    blood_group character varying(10),
    emergency_contact_name character varying(150),
    emergency_contact_phone character varying(20),
    notes text,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE SEQUENCE public.patient_profiles_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.patient_profiles_id_seq OWNED BY public.patient_profiles.id;

CREATE TABLE public.patient_medical_notes (
    id bigint NOT NULL,
    patient_id bigint NOT NULL,
    author_user_id bigint NOT NULL,
    note_text text NOT NULL,
    visibility character varying(20) DEFAULT 'INTERNAL'::character varying NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE SEQUENCE public.patient_medical_notes_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.patient_medical_notes_id_seq OWNED BY public.patient_medical_notes.id;

CREATE TABLE public.staff_profiles (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    designation character varying(100),
    profile_picture_url text,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE SEQUENCE public.staff_profiles_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.staff_profiles_id_seq OWNED BY public.staff_profiles.id;

CREATE TABLE public.clinician_profiles (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    primary_centre_id bigint NOT NULL,
    specialization character varying(150),
    registration_number character varying(100),
    years_of_experience integer,
    bio text,
    consultation_modes jsonb,
    default_consultation_duration_minutes integer DEFAULT 30 NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    consultation_fee integer DEFAULT 1600
);
CREATE SEQUENCE public.clinician_profiles_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.clinician_profiles_id_seq OWNED BY public.clinician_profiles.id;

CREATE TABLE public.centre_staff_assignments (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    centre_id bigint NOT NULL,
    role_id bigint NOT NULL,
    is_primary boolean DEFAULT false NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE SEQUENCE public.centre_staff_assignments_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.centre_staff_assignments_id_seq OWNED BY public.centre_staff_assignments.id;

CREATE TABLE public.clinician_availability_rules (
    id bigint NOT NULL,
    clinician_id bigint NOT NULL,
    centre_id bigint NOT NULL,
    day_of_week smallint NOT NULL,
    start_time time without time zone NOT NULL,
    end_time time without time zone NOT NULL,
    slot_duration_minutes integer NOT NULL,
    mode character varying(20) NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT clinician_availability_rules_day_of_week_check CHECK (((day_of_week >= 0) AND (day_of_week <= 6))),
    CONSTRAINT clinician_availability_rules_mode_check CHECK (((mode)::text = ANY ((ARRAY['IN_PERSON'::character varying, 'ONLINE'::character varying])::text[])))
);
CREATE SEQUENCE public.clinician_availability_rules_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.clinician_availability_rules_id_seq OWNED BY public.clinician_availability_rules.id;

CREATE TABLE public.appointments (
    id bigint NOT NULL,
    patient_id bigint NOT NULL,
    clinician_id bigint NOT NULL,
    centre_id bigint NOT NULL,
    appointment_type character varying(30) NOT NULL,
    scheduled_start_at timestamp with time zone NOT NULL,
    scheduled_end_at timestamp with time zone NOT NULL,
    duration_minutes integer NOT NULL,
    status character varying(20) NOT NULL,
    parent_appointment_id bigint,
    booked_by_user_id bigint NOT NULL,
    source character varying(30) NOT NULL,
    notes text,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT appointments_appointment_type_check CHECK (((appointment_type)::text = ANY ((ARRAY['IN_PERSON'::character varying, 'ONLINE'::character varying, 'INPATIENT_ASSESSMENT'::character varying, 'FOLLOW_UP'::character varying])::text[]))),
    CONSTRAINT appointments_source_check CHECK (((source)::text = ANY ((ARRAY['WEB_PATIENT'::character varying, 'ADMIN_FRONT_DESK'::character varying, 'ADMIN_CARE_COORDINATOR'::character varying, 'ADMIN_MANAGER'::character varying])::text[]))),
    CONSTRAINT appointments_status_check CHECK (((status)::text = ANY ((ARRAY['BOOKED'::character varying, 'CONFIRMED'::character varying, 'RESCHEDULED'::character varying, 'COMPLETED'::character varying, 'CANCELLED'::character varying, 'NO_SHOW'::character varying])::text[])))
);
CREATE SEQUENCE public.appointments_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.appointments_id_seq OWNED BY public.appointments.id;

-- B variant: bigint ids, varchar(20), no CHECK, no created_at (web-schema.md §1.4, §0.1).
CREATE TABLE public.appointment_status_history (
    id bigint NOT NULL,
    appointment_id bigint NOT NULL,
    previous_status character varying(20),
    new_status character varying(20) NOT NULL,
    changed_by_user_id bigint NOT NULL,
    changed_at timestamp with time zone DEFAULT now() NOT NULL,
    reason text
);
CREATE SEQUENCE public.appointment_status_history_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.appointment_status_history_id_seq OWNED BY public.appointment_status_history.id;

CREATE TABLE public.waiting_queue_entries (
    id bigint NOT NULL,
    centre_id bigint NOT NULL,
    clinician_id bigint,
    patient_id bigint NOT NULL,
    "position" integer NOT NULL,
    status character varying(20) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT waiting_queue_entries_status_check CHECK (((status)::text = ANY ((ARRAY['WAITING'::character varying, 'CALLED_IN'::character varying, 'SKIPPED'::character varying, 'COMPLETED'::character varying])::text[])))
);
CREATE SEQUENCE public.waiting_queue_entries_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.waiting_queue_entries_id_seq OWNED BY public.waiting_queue_entries.id;

CREATE TABLE public.payments (
    id bigint NOT NULL,
    patient_id bigint NOT NULL,
    appointment_id bigint NOT NULL,
    provider character varying(30) DEFAULT 'RAZORPAY'::character varying NOT NULL,
    order_id character varying(100) NOT NULL,
    payment_id character varying(100),
    amount numeric(10,2) NOT NULL,
    currency character varying(10) DEFAULT 'INR'::character varying NOT NULL,
    status character varying(20) NOT NULL,
    payment_method_details jsonb,
    error_code character varying(100),
    error_description text,
    paid_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT payments_status_check CHECK (((status)::text = ANY ((ARRAY['CREATED'::character varying, 'PENDING'::character varying, 'SUCCESS'::character varying, 'FAILED'::character varying, 'REFUNDED'::character varying])::text[])))
);
CREATE SEQUENCE public.payments_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.payments_id_seq OWNED BY public.payments.id;

CREATE TABLE public.payment_webhook_events (
    id bigint NOT NULL,
    provider character varying(30) DEFAULT 'RAZORPAY'::character varying NOT NULL,
    provider_event_id character varying(150),
    event_type character varying(100),
    raw_payload jsonb NOT NULL,
    processed boolean DEFAULT false NOT NULL,
    processed_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE SEQUENCE public.payment_webhook_events_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.payment_webhook_events_id_seq OWNED BY public.payment_webhook_events.id;

CREATE TABLE public.notification_templates (
    id bigint NOT NULL,
    name character varying(100) NOT NULL,
    channel character varying(20) NOT NULL,
    provider_template_id character varying(150) NOT NULL,
    description text,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT notification_templates_channel_check CHECK (((channel)::text = 'WHATSAPP'::text))
);
CREATE SEQUENCE public.notification_templates_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.notification_templates_id_seq OWNED BY public.notification_templates.id;

CREATE TABLE public.notifications (
    id bigint NOT NULL,
    user_id bigint,
    phone character varying(20),
    channel character varying(20) NOT NULL,
    template_id bigint,
    payload_data jsonb,
    status character varying(20) NOT NULL,
    error_message text,
    sent_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT notifications_channel_check CHECK (((channel)::text = 'WHATSAPP'::text)),
    CONSTRAINT notifications_status_check CHECK (((status)::text = ANY ((ARRAY['QUEUED'::character varying, 'SENT'::character varying, 'DELIVERED'::character varying, 'FAILED'::character varying])::text[])))
);
CREATE SEQUENCE public.notifications_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.notifications_id_seq OWNED BY public.notifications.id;

CREATE TABLE public.notification_webhook_events (
    id bigint NOT NULL,
    provider character varying(30) DEFAULT 'GALLABOX'::character varying NOT NULL,
    provider_event_id character varying(150),
    raw_payload jsonb NOT NULL,
    processed boolean DEFAULT false NOT NULL,
    processed_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE SEQUENCE public.notification_webhook_events_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.notification_webhook_events_id_seq OWNED BY public.notification_webhook_events.id;

CREATE TABLE public.video_sessions (
    id bigint NOT NULL,
    appointment_id bigint NOT NULL,
    provider character varying(30) DEFAULT 'GOOGLE_MEET'::character varying NOT NULL,
    meeting_id character varying(150),
    join_url text,
    host_url text,
    status character varying(20) NOT NULL,
    scheduled_start_at timestamp with time zone,
    scheduled_end_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT video_sessions_status_check CHECK (((status)::text = ANY ((ARRAY['SCHEDULED'::character varying, 'STARTED'::character varying, 'ENDED'::character varying, 'CANCELLED'::character varying])::text[])))
);
CREATE SEQUENCE public.video_sessions_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.video_sessions_id_seq OWNED BY public.video_sessions.id;

CREATE TABLE public.settings (
    id bigint NOT NULL,
    key character varying(150) NOT NULL,
    value_json jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE SEQUENCE public.settings_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.settings_id_seq OWNED BY public.settings.id;

CREATE TABLE public.audit_logs (
    id bigint NOT NULL,
    user_id bigint,
    action character varying(100) NOT NULL,
    entity_type character varying(50) NOT NULL,
    entity_id bigint,
    metadata jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE SEQUENCE public.audit_logs_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.audit_logs_id_seq OWNED BY public.audit_logs.id;

-- ---------------------------------------------------------------------------------------------
-- Id defaults (pg_dump emits them separately from the CREATE TABLE)
-- ---------------------------------------------------------------------------------------------

ALTER TABLE ONLY public.appointment_status_history ALTER COLUMN id SET DEFAULT nextval('public.appointment_status_history_id_seq'::regclass);
ALTER TABLE ONLY public.appointments ALTER COLUMN id SET DEFAULT nextval('public.appointments_id_seq'::regclass);
ALTER TABLE ONLY public.audit_logs ALTER COLUMN id SET DEFAULT nextval('public.audit_logs_id_seq'::regclass);
ALTER TABLE ONLY public.auth_sessions ALTER COLUMN id SET DEFAULT nextval('public.auth_sessions_id_seq'::regclass);
ALTER TABLE ONLY public.centre_staff_assignments ALTER COLUMN id SET DEFAULT nextval('public.centre_staff_assignments_id_seq'::regclass);
ALTER TABLE ONLY public.centres ALTER COLUMN id SET DEFAULT nextval('public.centres_id_seq'::regclass);
ALTER TABLE ONLY public.clinician_availability_rules ALTER COLUMN id SET DEFAULT nextval('public.clinician_availability_rules_id_seq'::regclass);
ALTER TABLE ONLY public.clinician_profiles ALTER COLUMN id SET DEFAULT nextval('public.clinician_profiles_id_seq'::regclass);
ALTER TABLE ONLY public.notification_templates ALTER COLUMN id SET DEFAULT nextval('public.notification_templates_id_seq'::regclass);
ALTER TABLE ONLY public.notification_webhook_events ALTER COLUMN id SET DEFAULT nextval('public.notification_webhook_events_id_seq'::regclass);
ALTER TABLE ONLY public.notifications ALTER COLUMN id SET DEFAULT nextval('public.notifications_id_seq'::regclass);
ALTER TABLE ONLY public.otp_requests ALTER COLUMN id SET DEFAULT nextval('public.otp_requests_id_seq'::regclass);
ALTER TABLE ONLY public.patient_medical_notes ALTER COLUMN id SET DEFAULT nextval('public.patient_medical_notes_id_seq'::regclass);
ALTER TABLE ONLY public.patient_profiles ALTER COLUMN id SET DEFAULT nextval('public.patient_profiles_id_seq'::regclass);
ALTER TABLE ONLY public.payment_webhook_events ALTER COLUMN id SET DEFAULT nextval('public.payment_webhook_events_id_seq'::regclass);
ALTER TABLE ONLY public.payments ALTER COLUMN id SET DEFAULT nextval('public.payments_id_seq'::regclass);
ALTER TABLE ONLY public.roles ALTER COLUMN id SET DEFAULT nextval('public.roles_id_seq'::regclass);
ALTER TABLE ONLY public.settings ALTER COLUMN id SET DEFAULT nextval('public.settings_id_seq'::regclass);
ALTER TABLE ONLY public.staff_profiles ALTER COLUMN id SET DEFAULT nextval('public.staff_profiles_id_seq'::regclass);
ALTER TABLE ONLY public.user_roles ALTER COLUMN id SET DEFAULT nextval('public.user_roles_id_seq'::regclass);
ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);
ALTER TABLE ONLY public.video_sessions ALTER COLUMN id SET DEFAULT nextval('public.video_sessions_id_seq'::regclass);
ALTER TABLE ONLY public.waiting_queue_entries ALTER COLUMN id SET DEFAULT nextval('public.waiting_queue_entries_id_seq'::regclass);

-- ---------------------------------------------------------------------------------------------
-- Primary keys and unique constraints
-- ---------------------------------------------------------------------------------------------

ALTER TABLE ONLY public.appointment_status_history ADD CONSTRAINT appointment_status_history_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.appointments ADD CONSTRAINT appointments_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.audit_logs ADD CONSTRAINT audit_logs_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.auth_sessions ADD CONSTRAINT auth_sessions_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.centre_staff_assignments ADD CONSTRAINT centre_staff_assignments_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.centres ADD CONSTRAINT centres_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.clinician_availability_rules ADD CONSTRAINT clinician_availability_rules_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.clinician_profiles ADD CONSTRAINT clinician_profiles_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.clinician_profiles ADD CONSTRAINT clinician_profiles_user_id_key UNIQUE (user_id);
ALTER TABLE ONLY public.notification_templates ADD CONSTRAINT notification_templates_name_key UNIQUE (name);
ALTER TABLE ONLY public.notification_templates ADD CONSTRAINT notification_templates_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.notification_webhook_events ADD CONSTRAINT notification_webhook_events_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.notifications ADD CONSTRAINT notifications_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.otp_requests ADD CONSTRAINT otp_requests_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.patient_medical_notes ADD CONSTRAINT patient_medical_notes_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.patient_profiles ADD CONSTRAINT patient_profiles_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.patient_profiles ADD CONSTRAINT patient_profiles_user_id_key UNIQUE (user_id);
ALTER TABLE ONLY public.payment_webhook_events ADD CONSTRAINT payment_webhook_events_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.payments ADD CONSTRAINT payments_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.roles ADD CONSTRAINT roles_name_key UNIQUE (name);
ALTER TABLE ONLY public.roles ADD CONSTRAINT roles_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.settings ADD CONSTRAINT settings_key_key UNIQUE (key);
ALTER TABLE ONLY public.settings ADD CONSTRAINT settings_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.staff_profiles ADD CONSTRAINT staff_profiles_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.staff_profiles ADD CONSTRAINT staff_profiles_user_id_key UNIQUE (user_id);
ALTER TABLE ONLY public.user_roles ADD CONSTRAINT user_roles_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
-- Target of the web's ON CONFLICT (centre_id, user_id, role_id): column order does not matter.
ALTER TABLE ONLY public.centre_staff_assignments ADD CONSTRAINT ux_centre_staff UNIQUE (user_id, centre_id, role_id);
-- Does not deduplicate rows with centre_id IS NULL (ADMIN / MANAGER).
ALTER TABLE ONLY public.user_roles ADD CONSTRAINT ux_user_roles UNIQUE (user_id, role_id, centre_id);
ALTER TABLE ONLY public.video_sessions ADD CONSTRAINT video_sessions_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.waiting_queue_entries ADD CONSTRAINT waiting_queue_entries_pkey PRIMARY KEY (id);

-- ---------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------

CREATE INDEX idx_appointments_centre ON public.appointments USING btree (centre_id);
CREATE INDEX idx_appointments_clinician ON public.appointments USING btree (clinician_id);
CREATE INDEX idx_appointments_patient ON public.appointments USING btree (patient_id);
CREATE INDEX idx_appointments_status ON public.appointments USING btree (status);
CREATE INDEX idx_payments_appointment ON public.payments USING btree (appointment_id);
CREATE INDEX idx_payments_patient ON public.payments USING btree (patient_id);
-- NON-unique: several video_sessions rows per appointment are possible, and the web's
-- INSERT ... ON CONFLICT (appointment_id) cannot be planned against this schema.
CREATE INDEX idx_video_sessions_appointment ON public.video_sessions USING btree (appointment_id);
CREATE UNIQUE INDEX ux_users_email ON public.users USING btree (email) WHERE (email IS NOT NULL);
CREATE UNIQUE INDEX ux_users_phone ON public.users USING btree (phone) WHERE (phone IS NOT NULL);
CREATE UNIQUE INDEX ux_users_username ON public.users USING btree (username) WHERE (username IS NOT NULL);

-- ---------------------------------------------------------------------------------------------
-- Foreign keys
-- ---------------------------------------------------------------------------------------------

ALTER TABLE ONLY public.appointment_status_history
    ADD CONSTRAINT appointment_status_history_appointment_id_fkey FOREIGN KEY (appointment_id) REFERENCES public.appointments(id);
ALTER TABLE ONLY public.appointment_status_history
    ADD CONSTRAINT appointment_status_history_changed_by_user_id_fkey FOREIGN KEY (changed_by_user_id) REFERENCES public.users(id);
ALTER TABLE ONLY public.appointments
    ADD CONSTRAINT appointments_booked_by_user_id_fkey FOREIGN KEY (booked_by_user_id) REFERENCES public.users(id);
ALTER TABLE ONLY public.appointments
    ADD CONSTRAINT appointments_centre_id_fkey FOREIGN KEY (centre_id) REFERENCES public.centres(id);
ALTER TABLE ONLY public.appointments
    ADD CONSTRAINT appointments_clinician_id_fkey FOREIGN KEY (clinician_id) REFERENCES public.clinician_profiles(id);
ALTER TABLE ONLY public.appointments
    ADD CONSTRAINT appointments_parent_appointment_id_fkey FOREIGN KEY (parent_appointment_id) REFERENCES public.appointments(id);
ALTER TABLE ONLY public.appointments
    ADD CONSTRAINT appointments_patient_id_fkey FOREIGN KEY (patient_id) REFERENCES public.patient_profiles(id);
ALTER TABLE ONLY public.audit_logs
    ADD CONSTRAINT audit_logs_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);
ALTER TABLE ONLY public.auth_sessions
    ADD CONSTRAINT auth_sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);
ALTER TABLE ONLY public.centre_staff_assignments
    ADD CONSTRAINT centre_staff_assignments_centre_id_fkey FOREIGN KEY (centre_id) REFERENCES public.centres(id);
ALTER TABLE ONLY public.centre_staff_assignments
    ADD CONSTRAINT centre_staff_assignments_role_id_fkey FOREIGN KEY (role_id) REFERENCES public.roles(id);
ALTER TABLE ONLY public.centre_staff_assignments
    ADD CONSTRAINT centre_staff_assignments_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);
ALTER TABLE ONLY public.clinician_availability_rules
    ADD CONSTRAINT clinician_availability_rules_centre_id_fkey FOREIGN KEY (centre_id) REFERENCES public.centres(id);
ALTER TABLE ONLY public.clinician_availability_rules
    ADD CONSTRAINT clinician_availability_rules_clinician_id_fkey FOREIGN KEY (clinician_id) REFERENCES public.clinician_profiles(id);
ALTER TABLE ONLY public.clinician_profiles
    ADD CONSTRAINT clinician_profiles_primary_centre_id_fkey FOREIGN KEY (primary_centre_id) REFERENCES public.centres(id);
ALTER TABLE ONLY public.clinician_profiles
    ADD CONSTRAINT clinician_profiles_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);
ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_template_id_fkey FOREIGN KEY (template_id) REFERENCES public.notification_templates(id);
ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);
ALTER TABLE ONLY public.patient_medical_notes
    ADD CONSTRAINT patient_medical_notes_author_user_id_fkey FOREIGN KEY (author_user_id) REFERENCES public.users(id);
ALTER TABLE ONLY public.patient_medical_notes
    ADD CONSTRAINT patient_medical_notes_patient_id_fkey FOREIGN KEY (patient_id) REFERENCES public.patient_profiles(id);
ALTER TABLE ONLY public.patient_profiles
    ADD CONSTRAINT patient_profiles_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);
ALTER TABLE ONLY public.payments
    ADD CONSTRAINT payments_appointment_id_fkey FOREIGN KEY (appointment_id) REFERENCES public.appointments(id);
ALTER TABLE ONLY public.payments
    ADD CONSTRAINT payments_patient_id_fkey FOREIGN KEY (patient_id) REFERENCES public.patient_profiles(id);
ALTER TABLE ONLY public.staff_profiles
    ADD CONSTRAINT staff_profiles_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);
ALTER TABLE ONLY public.user_roles
    ADD CONSTRAINT user_roles_centre_id_fkey FOREIGN KEY (centre_id) REFERENCES public.centres(id);
ALTER TABLE ONLY public.user_roles
    ADD CONSTRAINT user_roles_role_id_fkey FOREIGN KEY (role_id) REFERENCES public.roles(id);
ALTER TABLE ONLY public.user_roles
    ADD CONSTRAINT user_roles_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);
ALTER TABLE ONLY public.video_sessions
    ADD CONSTRAINT video_sessions_appointment_id_fkey FOREIGN KEY (appointment_id) REFERENCES public.appointments(id);
ALTER TABLE ONLY public.waiting_queue_entries
    ADD CONSTRAINT waiting_queue_entries_centre_id_fkey FOREIGN KEY (centre_id) REFERENCES public.centres(id);
ALTER TABLE ONLY public.waiting_queue_entries
    ADD CONSTRAINT waiting_queue_entries_clinician_id_fkey FOREIGN KEY (clinician_id) REFERENCES public.clinician_profiles(id);
ALTER TABLE ONLY public.waiting_queue_entries
    ADD CONSTRAINT waiting_queue_entries_patient_id_fkey FOREIGN KEY (patient_id) REFERENCES public.patient_profiles(id);

-- =============================================================================================
-- PART 2: the web's hand-run migrations and fixes, in the order they were written
-- (web-schema.md §0, §0.1, §1.4). Only their DDL effects are reproduced; their data UPDATEs,
-- verification SELECTs and RAISE NOTICEs are left out (no-ops on an empty database).
-- Where two variants exist, the production / "latest / chosen" one of §0.1 is used.
-- =============================================================================================

-- H:fix-status-column.sql (Jan 2026): status varchar(20) -> varchar(50) for CANCELLATION_REQUESTED.
ALTER TABLE public.appointments ALTER COLUMN status TYPE character varying(50);

-- H:add-google-meet-columns.sql (Jan 2026). google_meet_event_id is the column the code writes.
ALTER TABLE public.appointments ADD COLUMN IF NOT EXISTS google_meet_link character varying(500);
ALTER TABLE public.appointments ADD COLUMN IF NOT EXISTS google_meet_event_id character varying(255);
CREATE INDEX IF NOT EXISTS idx_appointments_google_meet_event_id ON public.appointments (google_meet_event_id);

-- H:APPOINTMENT_CANCELLATION_BACKEND_COMPLETE.md (Jan 2026): patient-dashboard cancellation request.
ALTER TABLE public.appointments
    ADD COLUMN IF NOT EXISTS cancellation_reason text,
    ADD COLUMN IF NOT EXISTS cancellation_requested_at timestamp without time zone,
    ADD COLUMN IF NOT EXISTS cancellation_approved_at timestamp without time zone,
    ADD COLUMN IF NOT EXISTS cancellation_approved_by integer REFERENCES public.users(id);

-- H:FIX_DATABASE_SCHEMA.sql: consultation_fee integer DEFAULT 1600 -- already in the dump (no-op).
-- (no-op, column exists) ALTER TABLE public.clinician_profiles ADD COLUMN IF NOT EXISTS consultation_fee integer DEFAULT 1600;

-- M:add_payment_link_columns.sql
ALTER TABLE public.payments
    ADD COLUMN IF NOT EXISTS payment_link_id character varying(255),
    ADD COLUMN IF NOT EXISTS payment_link_url text,
    ADD COLUMN IF NOT EXISTS payment_link_sent_at timestamp without time zone;
CREATE INDEX IF NOT EXISTS idx_payments_payment_link_id ON public.payments (payment_link_id);

-- M:001_create_blocked_slots_table.sql (SERIAL ids, int4 FKs to int8 PKs)
CREATE TABLE IF NOT EXISTS public.blocked_slots (
    id SERIAL PRIMARY KEY,
    clinician_id integer NOT NULL REFERENCES public.clinician_profiles(id),
    centre_id integer NOT NULL REFERENCES public.centres(id),
    blocked_date date NOT NULL,
    start_time time without time zone NOT NULL,
    end_time time without time zone NOT NULL,
    reason text DEFAULT 'Clinician unavailable',
    blocked_by_admin_id integer NOT NULL REFERENCES public.users(id),
    blocked_at timestamp without time zone NOT NULL DEFAULT now(),
    unblocked_by_admin_id integer REFERENCES public.users(id),
    unblocked_at timestamp without time zone,
    is_blocked boolean NOT NULL DEFAULT true,
    created_at timestamp without time zone NOT NULL DEFAULT now(),
    updated_at timestamp without time zone NOT NULL DEFAULT now(),
    CONSTRAINT unique_slot_blocking UNIQUE (clinician_id, centre_id, blocked_date, start_time, end_time),
    CONSTRAINT valid_time_range CHECK (start_time < end_time),
    CONSTRAINT no_past_blocking CHECK (blocked_date >= CURRENT_DATE)
);
CREATE INDEX IF NOT EXISTS idx_blocked_slots_clinician_date ON public.blocked_slots (clinician_id, blocked_date) WHERE is_blocked = true;
CREATE INDEX IF NOT EXISTS idx_blocked_slots_centre ON public.blocked_slots (centre_id) WHERE is_blocked = true;
CREATE INDEX IF NOT EXISTS idx_blocked_slots_date_range ON public.blocked_slots (blocked_date) WHERE is_blocked = true;
CREATE INDEX IF NOT EXISTS idx_blocked_slots_admin ON public.blocked_slots (blocked_by_admin_id);

-- M:002_create_patient_notifications_table.sql
CREATE TABLE IF NOT EXISTS public.patient_notifications (
    id SERIAL PRIMARY KEY,
    patient_id integer NOT NULL REFERENCES public.patient_profiles(id),
    notification_type character varying(50) NOT NULL,
    title character varying(255) NOT NULL,
    message text NOT NULL,
    appointment_id integer REFERENCES public.appointments(id),
    blocked_slot_id integer REFERENCES public.blocked_slots(id),
    metadata jsonb,
    is_read boolean NOT NULL DEFAULT false,
    read_at timestamp without time zone,
    created_at timestamp without time zone NOT NULL DEFAULT now(),
    updated_at timestamp without time zone NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_patient_notifications_patient ON public.patient_notifications (patient_id, created_at DESC);
CREATE INDEX IF NOT EXISTS idx_patient_notifications_unread ON public.patient_notifications (patient_id) WHERE is_read = false;
CREATE INDEX IF NOT EXISTS idx_patient_notifications_type ON public.patient_notifications (notification_type);
CREATE INDEX IF NOT EXISTS idx_patient_notifications_appointment ON public.patient_notifications (appointment_id);

-- M:003_create_slot_blocking_audit_table.sql
CREATE TABLE IF NOT EXISTS public.slot_blocking_audit (
    id SERIAL PRIMARY KEY,
    blocked_slot_id integer NOT NULL REFERENCES public.blocked_slots(id),
    action_type character varying(20) NOT NULL CHECK (action_type IN ('BLOCK', 'UNBLOCK')),
    admin_id integer NOT NULL REFERENCES public.users(id),
    reason text,
    affected_appointment_ids integer[],
    affected_patient_count integer NOT NULL DEFAULT 0,
    metadata jsonb,
    created_at timestamp without time zone NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_slot_audit_blocked_slot ON public.slot_blocking_audit (blocked_slot_id);
CREATE INDEX IF NOT EXISTS idx_slot_audit_admin ON public.slot_blocking_audit (admin_id);
CREATE INDEX IF NOT EXISTS idx_slot_audit_action ON public.slot_blocking_audit (action_type);
CREATE INDEX IF NOT EXISTS idx_slot_audit_created ON public.slot_blocking_audit (created_at DESC);

-- M:004_extend_appointments_table.sql. Its first step (ALTER TYPE appointment_status ADD VALUE
-- 'CANCELLED_BY_ADMIN') targets an enum that does not exist and is left out: the status CHECK
-- therefore still rejects CANCELLED_BY_ADMIN (web-schema.md §1.4 "Status set", §8.4).
ALTER TABLE public.appointments
    ADD COLUMN IF NOT EXISTS refund_eligible boolean DEFAULT false,
    ADD COLUMN IF NOT EXISTS refund_status character varying(20) CHECK (refund_status IN ('PENDING', 'PROCESSED', 'COMPLETED', 'NOT_APPLICABLE')),
    ADD COLUMN IF NOT EXISTS refund_initiated_at timestamp without time zone,
    ADD COLUMN IF NOT EXISTS blocked_slot_id integer REFERENCES public.blocked_slots(id);
CREATE INDEX IF NOT EXISTS idx_appointments_refund_status ON public.appointments (refund_status) WHERE refund_eligible = true;
CREATE INDEX IF NOT EXISTS idx_appointments_blocked_slot ON public.appointments (blocked_slot_id);

-- M:add_clinician_fields.sql (2026-01-30): qualification starts as varchar(500).
ALTER TABLE public.clinician_profiles
    ADD COLUMN IF NOT EXISTS qualification character varying(500),
    ADD COLUMN IF NOT EXISTS expertise jsonb DEFAULT '[]'::jsonb,
    ADD COLUMN IF NOT EXISTS languages jsonb DEFAULT '[]'::jsonb;

-- M:update_clinician_profiles_for_dynamic_management.sql (2026-02-06): specialization and
-- qualification become jsonb arrays through a temporary column, drop and rename, so both move to
-- the end of the column list (this matters for SELECT * column order).
ALTER TABLE public.clinician_profiles ADD COLUMN IF NOT EXISTS specialization_array jsonb DEFAULT '[]'::jsonb;
ALTER TABLE public.clinician_profiles DROP COLUMN IF EXISTS specialization CASCADE;
ALTER TABLE public.clinician_profiles RENAME COLUMN specialization_array TO specialization;
ALTER TABLE public.clinician_profiles ADD COLUMN IF NOT EXISTS qualification_array jsonb DEFAULT '[]'::jsonb;
ALTER TABLE public.clinician_profiles DROP COLUMN qualification CASCADE;
ALTER TABLE public.clinician_profiles RENAME COLUMN qualification_array TO qualification;
-- (no-op, column exists) ALTER TABLE public.clinician_profiles ADD COLUMN IF NOT EXISTS expertise jsonb DEFAULT '[]'::jsonb;
-- (no-op, column exists) ALTER TABLE public.clinician_profiles ADD COLUMN IF NOT EXISTS languages jsonb DEFAULT '[]'::jsonb;
ALTER TABLE public.clinician_profiles ADD COLUMN IF NOT EXISTS profile_picture_url text;
-- Its CREATE TABLE IF NOT EXISTS clinician_availability_rules (valid_time_range CHECK,
-- DEFAULT 30) is a no-op because the dump's table exists; only its indexes are new.
CREATE INDEX IF NOT EXISTS idx_clinician_availability_clinician ON public.clinician_availability_rules (clinician_id);
CREATE INDEX IF NOT EXISTS idx_clinician_availability_centre ON public.clinician_availability_rules (centre_id);
CREATE INDEX IF NOT EXISTS idx_clinician_availability_day ON public.clinician_availability_rules (day_of_week);
CREATE INDEX IF NOT EXISTS idx_clinician_availability_active ON public.clinician_availability_rules (is_active) WHERE is_active = true;
-- M:fix_clinician_array_data.sql: data only.

-- M:005_add_notes_and_google_meet_to_appointments.sql: notes and google_meet_link already exist;
-- adds the never-written google_calendar_event_id.
-- (no-op, column exists) ALTER TABLE public.appointments ADD COLUMN IF NOT EXISTS notes text;
-- (no-op, column exists) ALTER TABLE public.appointments ADD COLUMN IF NOT EXISTS google_meet_link character varying(500);
ALTER TABLE public.appointments ADD COLUMN IF NOT EXISTS google_calendar_event_id character varying(255);
CREATE INDEX IF NOT EXISTS idx_appointments_with_notes ON public.appointments (clinician_id) WHERE notes IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_appointments_with_meet_link ON public.appointments (id) WHERE google_meet_link IS NOT NULL;

-- M:006_add_default_consultation_duration.sql: the column exists (DEFAULT 30 stays); index only.
-- (no-op, column exists) ALTER TABLE public.clinician_profiles ADD COLUMN IF NOT EXISTS default_consultation_duration_minutes integer DEFAULT 50;
CREATE INDEX IF NOT EXISTS idx_clinician_profiles_duration ON public.clinician_profiles (default_consultation_duration_minutes);

-- M:add_clinician_performance_indexes.sql / production-clinician-performance-indexes.sql
CREATE INDEX IF NOT EXISTS idx_clinician_profiles_user_id ON public.clinician_profiles (user_id);
CREATE INDEX IF NOT EXISTS idx_clinician_profiles_primary_centre_id ON public.clinician_profiles (primary_centre_id);
CREATE INDEX IF NOT EXISTS idx_clinician_profiles_is_active ON public.clinician_profiles (is_active);
CREATE INDEX IF NOT EXISTS idx_clinician_profiles_active_lookup ON public.clinician_profiles (is_active, primary_centre_id);
CREATE INDEX IF NOT EXISTS idx_staff_profiles_user_id ON public.staff_profiles (user_id);
CREATE INDEX IF NOT EXISTS idx_users_full_name ON public.users (full_name);
CREATE INDEX IF NOT EXISTS idx_clinician_profiles_specialization_gin ON public.clinician_profiles USING gin (specialization jsonb_path_ops);

-- M:create_slot_exceptions_table.sql (2026-05-02): the old per-slot blocks, deprecated but live.
CREATE TABLE IF NOT EXISTS public.clinician_slot_exceptions (
    id SERIAL PRIMARY KEY,
    clinician_id integer NOT NULL REFERENCES public.clinician_profiles(id) ON DELETE CASCADE,
    centre_id integer NOT NULL REFERENCES public.centres(id) ON DELETE CASCADE,
    exception_date date NOT NULL,
    start_time time without time zone NOT NULL,
    end_time time without time zone NOT NULL,
    mode character varying(20) NOT NULL CHECK (mode IN ('IN_PERSON', 'ONLINE', 'HYBRID')),
    reason character varying(255),
    created_by_user_id integer REFERENCES public.users(id),
    created_at timestamp without time zone DEFAULT now(),
    updated_at timestamp without time zone DEFAULT now(),
    UNIQUE (clinician_id, centre_id, exception_date, start_time, mode)
);
CREATE INDEX idx_slot_exceptions_clinician_date ON public.clinician_slot_exceptions (clinician_id, exception_date);
CREATE INDEX idx_slot_exceptions_centre ON public.clinician_slot_exceptions (centre_id);

-- M:add_mrn_to_patient_profiles.sql (2026-05-09)
ALTER TABLE public.patient_profiles ADD COLUMN IF NOT EXISTS mrn character varying(50) UNIQUE;
CREATE INDEX IF NOT EXISTS idx_patient_profiles_mrn ON public.patient_profiles (mrn);

-- M:add_registration_fee_tracking.sql (2026-05-09)
ALTER TABLE public.patient_profiles ADD COLUMN IF NOT EXISTS registration_fee_paid boolean DEFAULT false NOT NULL;
ALTER TABLE public.patient_profiles ADD COLUMN IF NOT EXISTS registration_fee_paid_at timestamp with time zone;
ALTER TABLE public.payments ADD COLUMN IF NOT EXISTS registration_fee numeric(10,2) DEFAULT 0 NOT NULL;
ALTER TABLE public.payments ADD COLUMN IF NOT EXISTS consultation_fee numeric(10,2) DEFAULT 0 NOT NULL;
CREATE INDEX IF NOT EXISTS idx_patient_profiles_registration_fee_paid ON public.patient_profiles (registration_fee_paid);

-- M:add_patient_notes_to_appointments.sql (2026-05-18)
ALTER TABLE public.appointments ADD COLUMN IF NOT EXISTS patient_notes text;

-- M:add_session_tracking.sql / add_session_tracking_autocommit.sql (2026-05-19)
ALTER TABLE public.appointments ADD COLUMN IF NOT EXISTS session_started_at timestamp with time zone;
ALTER TABLE public.appointments ADD COLUMN IF NOT EXISTS session_ended_at timestamp with time zone;
CREATE INDEX IF NOT EXISTS idx_appointments_session_started_at ON public.appointments (session_started_at) WHERE session_started_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_appointments_session_ended_at ON public.appointments (session_ended_at) WHERE session_ended_at IS NOT NULL;

-- M:ensure_front_desk_support.sql (2026-05-19). Its CREATE TABLE IF NOT EXISTS for user_roles,
-- centre_staff_assignments and staff_profiles (SERIAL, CASCADE, no is_primary) and its
-- users.password_hash/user_type variants are no-ops where the dump's tables exist; the roles
-- probe finds no is_active column. Its role-6 upsert is data (see the *-data.sql files).
-- Only its indexes are new.
CREATE INDEX IF NOT EXISTS idx_user_roles_user_id ON public.user_roles (user_id);
CREATE INDEX IF NOT EXISTS idx_user_roles_role_id ON public.user_roles (role_id);
CREATE INDEX IF NOT EXISTS idx_user_roles_centre_id ON public.user_roles (centre_id);
CREATE INDEX IF NOT EXISTS idx_centre_staff_assignments_user_id ON public.centre_staff_assignments (user_id);
CREATE INDEX IF NOT EXISTS idx_centre_staff_assignments_centre_id ON public.centre_staff_assignments (centre_id);
-- (no-op, index exists) CREATE INDEX IF NOT EXISTS idx_staff_profiles_user_id ON public.staff_profiles (user_id);
CREATE INDEX IF NOT EXISTS idx_users_username ON public.users (username);
CREATE INDEX IF NOT EXISTS idx_users_phone ON public.users (phone);
CREATE INDEX IF NOT EXISTS idx_users_user_type ON public.users (user_type);

-- M:add_payment_method_to_payments.sql / M:add_payment_notes_to_payments.sql
ALTER TABLE public.payments ADD COLUMN IF NOT EXISTS payment_method character varying(20) DEFAULT 'ONLINE'
    CHECK (payment_method IN ('ONLINE', 'CASH', 'CARD', 'UPI'));
ALTER TABLE public.payments ADD COLUMN IF NOT EXISTS payment_notes text;

-- M:create_appointment_status_history_table.sql (run on production 2026-05-27).
-- Production had no appointment_status_history at that point (web-schema.md §0 drift,
-- START_SESSION_FIX_INSTRUCTIONS.md), so the M definition is the one that exists there and is the
-- "latest / chosen" variant of §0.1: serial id, int FKs (CASCADE / RESTRICT), varchar(50),
-- a 7-value CHECK that rejects PENDING, CANCELLATION_REQUESTED and CANCELLED_BY_ADMIN, created_at.
-- Reproduced by dropping the dump's B table (empty here) and running the M CREATE TABLE.
DROP TABLE public.appointment_status_history;
CREATE TABLE IF NOT EXISTS public.appointment_status_history (
    id SERIAL PRIMARY KEY,
    appointment_id integer NOT NULL,
    previous_status character varying(50),
    new_status character varying(50) NOT NULL,
    changed_by_user_id integer NOT NULL,
    changed_at timestamp with time zone NOT NULL DEFAULT now(),
    reason text,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT fk_appointment_status_history_appointment
        FOREIGN KEY (appointment_id) REFERENCES public.appointments(id) ON DELETE CASCADE,
    CONSTRAINT fk_appointment_status_history_user
        FOREIGN KEY (changed_by_user_id) REFERENCES public.users(id) ON DELETE RESTRICT,
    CONSTRAINT chk_appointment_status_history_statuses CHECK (
        previous_status IS NULL OR
        previous_status IN ('BOOKED', 'CONFIRMED', 'IN_PROGRESS', 'RESCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    CONSTRAINT chk_appointment_status_history_new_status CHECK (
        new_status IN ('BOOKED', 'CONFIRMED', 'IN_PROGRESS', 'RESCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'))
);
CREATE INDEX IF NOT EXISTS idx_appointment_status_history_appointment_id ON public.appointment_status_history (appointment_id);
CREATE INDEX IF NOT EXISTS idx_appointment_status_history_changed_at ON public.appointment_status_history (changed_at DESC);
CREATE INDEX IF NOT EXISTS idx_appointment_status_history_changed_by ON public.appointment_status_history (changed_by_user_id);
CREATE INDEX IF NOT EXISTS idx_appointment_status_history_apt_date ON public.appointment_status_history (appointment_id, changed_at DESC);

-- production-fix-appointment-status-constraint.sql (2026-05-28): the 9-value production CHECK.
-- CANCELLED_BY_ADMIN is still missing (the code writes it; the CHECK rejects it).
ALTER TABLE public.appointments DROP CONSTRAINT IF EXISTS appointments_status_check;
ALTER TABLE public.appointments ADD CONSTRAINT appointments_status_check CHECK (
    status IN ('BOOKED', 'CONFIRMED', 'IN_PROGRESS', 'PENDING', 'CANCELLED', 'COMPLETED', 'NO_SHOW',
               'RESCHEDULED', 'CANCELLATION_REQUESTED'));

-- M:add_age_column_to_patient_profiles.sql ran on production before
-- M:add_patient_registration_fields.sql, so age has NO CHECK (the production variant of §0.1).
ALTER TABLE public.patient_profiles ADD COLUMN IF NOT EXISTS age integer NULL;

-- M:add_patient_registration_fields.sql (2026-06-02) and M:add_first_last_name_to_users.sql.
ALTER TABLE public.users
    ADD COLUMN IF NOT EXISTS first_name character varying(100),
    ADD COLUMN IF NOT EXISTS last_name character varying(100);
-- (no-op, column exists) ALTER TABLE public.patient_profiles ADD COLUMN IF NOT EXISTS age integer CHECK (age >= 0 AND age <= 150); -- no-op: age exists
CREATE INDEX IF NOT EXISTS idx_users_first_name ON public.users (first_name);
CREATE INDEX IF NOT EXISTS idx_users_last_name ON public.users (last_name);
CREATE INDEX IF NOT EXISTS idx_patient_profiles_age ON public.patient_profiles (age);

-- M:add_date_of_birth_to_patient_profiles.sql: date_of_birth is in the dump (no-op here; it was
-- missing in production until mid-June 2026 and then added as date NULL, same shape).
-- (no-op, column exists) ALTER TABLE public.patient_profiles ADD COLUMN IF NOT EXISTS date_of_birth date NULL;

-- M:add_clinician_session_tracking.sql: notes history, follow-ups, dashboard indexes, the view,
-- the updated_at trigger function and its two triggers (the only triggers in the schema).
-- (no-op, column exists) ALTER TABLE public.appointments ADD COLUMN IF NOT EXISTS session_started_at timestamp with time zone;
-- (no-op, column exists) ALTER TABLE public.appointments ADD COLUMN IF NOT EXISTS session_ended_at timestamp with time zone;
-- (no-op, column exists) ALTER TABLE public.appointments ADD COLUMN IF NOT EXISTS patient_notes text;

CREATE TABLE IF NOT EXISTS public.clinician_notes_history (
    id BIGSERIAL PRIMARY KEY,
    appointment_id bigint NOT NULL REFERENCES public.appointments(id) ON DELETE CASCADE,
    clinician_id bigint NOT NULL REFERENCES public.clinician_profiles(id) ON DELETE CASCADE,
    patient_id bigint NOT NULL REFERENCES public.patient_profiles(id) ON DELETE CASCADE,
    session_notes text NOT NULL,
    created_by_user_id bigint NOT NULL REFERENCES public.users(id) ON DELETE CASCADE,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    updated_at timestamp with time zone NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_clinician_notes_appointment ON public.clinician_notes_history (appointment_id);
CREATE INDEX IF NOT EXISTS idx_clinician_notes_clinician ON public.clinician_notes_history (clinician_id);
CREATE INDEX IF NOT EXISTS idx_clinician_notes_patient ON public.clinician_notes_history (patient_id);
CREATE INDEX IF NOT EXISTS idx_clinician_notes_created_at ON public.clinician_notes_history (created_at DESC);

CREATE TABLE IF NOT EXISTS public.follow_up_appointments (
    id BIGSERIAL PRIMARY KEY,
    parent_appointment_id bigint NOT NULL REFERENCES public.appointments(id) ON DELETE CASCADE,
    patient_id bigint NOT NULL REFERENCES public.patient_profiles(id) ON DELETE CASCADE,
    clinician_id bigint NOT NULL REFERENCES public.clinician_profiles(id) ON DELETE CASCADE,
    follow_up_date date NOT NULL,
    follow_up_notes text,
    is_scheduled boolean NOT NULL DEFAULT false,
    scheduled_appointment_id bigint REFERENCES public.appointments(id) ON DELETE SET NULL,
    created_by_user_id bigint NOT NULL REFERENCES public.users(id) ON DELETE CASCADE,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    updated_at timestamp with time zone NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_followup_parent_appointment ON public.follow_up_appointments (parent_appointment_id);
CREATE INDEX IF NOT EXISTS idx_followup_patient ON public.follow_up_appointments (patient_id);
CREATE INDEX IF NOT EXISTS idx_followup_clinician ON public.follow_up_appointments (clinician_id);
CREATE INDEX IF NOT EXISTS idx_followup_date ON public.follow_up_appointments (follow_up_date);
CREATE INDEX IF NOT EXISTS idx_followup_is_scheduled ON public.follow_up_appointments (is_scheduled);

CREATE INDEX IF NOT EXISTS idx_appointments_clinician_date ON public.appointments (clinician_id, scheduled_start_at DESC) WHERE is_active = true;
CREATE INDEX IF NOT EXISTS idx_appointments_status_date ON public.appointments (status, scheduled_start_at DESC) WHERE is_active = true;

-- Per clinician, per IST day. Counts CANCELLED_BY_ADMIN, which the status CHECK does not allow.
CREATE OR REPLACE VIEW public.clinician_daily_stats AS
SELECT
    a.clinician_id,
    DATE(a.scheduled_start_at AT TIME ZONE 'Asia/Kolkata') AS appointment_date,
    COUNT(*) AS total_appointments,
    COUNT(*) FILTER (WHERE a.status = 'BOOKED') AS waiting_count,
    COUNT(*) FILTER (WHERE a.status = 'IN_PROGRESS') AS ongoing_count,
    COUNT(*) FILTER (WHERE a.status = 'CONFIRMED') AS confirmed_count,
    COUNT(*) FILTER (WHERE a.status = 'COMPLETED') AS completed_count,
    COUNT(*) FILTER (WHERE a.status = 'CANCELLED' OR a.status = 'CANCELLED_BY_ADMIN') AS cancelled_count
FROM public.appointments a
WHERE a.is_active = true
GROUP BY a.clinician_id, DATE(a.scheduled_start_at AT TIME ZONE 'Asia/Kolkata');

CREATE OR REPLACE FUNCTION public.update_updated_at_column()
RETURNS trigger AS $$
BEGIN
    NEW.updated_at = NOW();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER update_clinician_notes_history_updated_at
    BEFORE UPDATE ON public.clinician_notes_history
    FOR EACH ROW EXECUTE FUNCTION public.update_updated_at_column();
CREATE TRIGGER update_follow_up_appointments_updated_at
    BEFORE UPDATE ON public.follow_up_appointments
    FOR EACH ROW EXECUTE FUNCTION public.update_updated_at_column();

-- M:MIGRATE_OLD_TO_NEW_SYSTEM.sql (2026-06-07): copies future exceptions into blocked_slots (data)
-- and only adds this comment; the code still reads and writes clinician_slot_exceptions.
COMMENT ON TABLE public.clinician_slot_exceptions IS
    'DEPRECATED: Migrated to blocked_slots table on 2026-06-07. Keep for historical reference only.';
