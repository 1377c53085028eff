-- Web booking backend schema as of the January 2026 pg_dump ("baseline [B]").
-- Transcribed from the schema-only dump current_db_schema.txt (PostgreSQL 17.5, dumped 2026-01-02)
-- in NithinNazar/mibo-backend, as described in web-schema.md §0 and §1.
-- Dump preamble (SET ..., search_path), OWNER and ACL statements are left out; everything else
-- (tables, column order, types, defaults, CHECK names, sequences, keys, indexes, FKs) is kept.
-- 23 tables, all with bigint ids fed by <table>_id_seq sequences OWNED BY the column.
-- Load: psql -v ON_ERROR_STOP=1 -f january-dump.sql   (on an empty database)

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
