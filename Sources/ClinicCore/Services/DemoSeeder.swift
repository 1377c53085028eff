/// What `db seed-demo` should create.
public struct DemoSeedOptions: Sendable {
    /// The day the demo revolves around (IST): appointments run from 60 days before to 21 days after it.
    public var today: LocalDate
    /// How many patients to register (1 … 10,000,000).
    public var patients: Int
    /// How many clinicians to employ (1 … 200).
    public var clinicians: Int
    /// The wall-clock time (IST) of `today` the demo is seen at: visits running then are in session,
    /// none later in the day is.
    public var inSessionAt: LocalTime

    /// Options for a demo centred on `today`, seen at `inSessionAt`.
    public init(today: LocalDate, patients: Int = 2000, clinicians: Int = 12, inSessionAt: LocalTime = LocalTime(hour: 11, minute: 0)) {
        self.today = today
        self.patients = patients
        self.clinicians = clinicians
        self.inSessionAt = inSessionAt
    }

    /// The accepted patient counts.
    public static let patientRange = 1...10_000_000
    /// The accepted clinician counts.
    public static let clinicianRange = 1...200
}

/// How many rows of each kind a demo seed wrote.
public struct DemoSeedSummary: Sendable, Equatable {
    /// Clinic centres (always 3).
    public var centres: Int
    /// Clinicians (`clinician_profiles`).
    public var clinicians: Int
    /// Staff logins (`users` of type STAFF), the clinicians' own included.
    public var staff: Int
    /// Patients (`patient_profiles`).
    public var patients: Int
    /// Appointments, every status included.
    public var appointments: Int
    /// Payment rows (SUCCESS, CREATED and FAILED).
    public var payments: Int
    /// Future blocked slots (clinician leave).
    public var blockedSlots: Int

    /// A summary; every count is given.
    public init(
        centres: Int, clinicians: Int, staff: Int, patients: Int, appointments: Int, payments: Int,
        blockedSlots: Int
    ) {
        self.centres = centres
        self.clinicians = clinicians
        self.staff = staff
        self.patients = patients
        self.appointments = appointments
        self.payments = payments
        self.blockedSlots = blockedSlots
    }
}

/// Why a demo seed was refused; nothing was written in either case.
public enum DemoSeedError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database already holds patients or appointments (demo data only goes into an empty one).
    case databaseNotEmpty(patients: Int64, appointments: Int64)
    /// The options cannot be honoured; the text says what to change.
    case invalidOptions(String)

    public var description: String {
        switch self {
        case .databaseNotEmpty(let patients, let appointments):
            return "The database already has \(patients) patient(s) and \(appointments) appointment(s); demo data is only "
                + "loaded into an empty database. Nothing was changed. Create a new database, run "
                + "`clinic-desk db apply-schema`, then seed that one."
        case .invalidOptions(let reason):
            return "Cannot load demo data: \(reason). Nothing was changed."
        }
    }
}

/// Fills an empty clinic-desk database with a realistic, reproducible demo chain of three clinics.
///
/// Everything is derived from a SplitMix64 generator seeded by `today`, `patients` and `clinicians`, so
/// the same options give the same rows, ids included. The exceptions, which the determinism tests leave
/// out: `created_at`/`updated_at` of tables whose rows take the server's `now()`, `blocked_at`, the
/// audit row's time and hashes, and `users.password_hash` — each demo login is hashed with bcrypt once
/// per seed, and bcrypt salts are random by design. Blocked slots must lie after the server's real
/// `CURRENT_DATE` (a CHECK), so when `today` is in the past their dates follow the real calendar.
///
/// Patients, their profiles and the appointment-related tables go in with COPY, all in one
/// READ COMMITTED transaction: a failure leaves nothing behind.
public struct DemoSeeder: Sendable {
    private let database: Database

    /// A seeder for `database` (schema.sql must already be applied).
    public init(database: Database) { self.database = database }

    /// Fills an EMPTY database (schema.sql already applied; refuses with `.databaseNotEmpty` if it has
    /// any patient_profiles or appointments rows).
    ///
    /// `progress` receives short lines ("patients 250000/1000000") at most every ~5% of the work.
    /// - Throws: `DemoSeedError.databaseNotEmpty`, `DemoSeedError.invalidOptions`,
    ///   `DatabaseError.schemaVersionMismatch` when schema.sql was not applied, or another `DatabaseError`.
    public func seed(_ options: DemoSeedOptions, progress: @Sendable (String) -> Void) async throws -> DemoSeedSummary {
        try DemoSeeder.validate(options)
        try await SchemaManager(database: database).requireCurrentVersion()
        // Refuse early, before the slow password hashing; checked again under lock in the transaction.
        let counts = try await database.query(DemoSeeder.countQuery)
        if let row = counts.first {
            try DemoSeeder.refuseIfNotEmpty(row)
        }

        progress("staff passwords…")
        let staff = DemoSeeder.staffTemplates(clinicians: options.clinicians)
        var hashes: [String] = []
        hashes.reserveCapacity(staff.count)
        for member in staff {
            hashes.append(try PasswordHasher.hash(member.password))
        }
        let passwordHashes = hashes

        return try await database.transaction { session in
            try DemoSeeder.write(
                options, staff: staff, passwordHashes: passwordHashes, session: session,
                progress: progress)
        }
    }

    /// Demo staff logins for README/help: (username, password, role, centre name or nil).
    ///
    /// The clinician logins are those of the default 12 clinicians, in order; a seed with fewer
    /// clinicians creates only the first ones.
    public static let demoLogins: [(username: String, password: String, role: String, centre: String?)] =
        staffTemplates(clinicians: 12).map { member in
            (member.username, member.password, member.role.rawValue, member.centre.map { centres[$0].name })
        }

    // MARK: - Checks

    static let countQuery: SQLQuery = """
        SELECT (SELECT count(*) FROM patient_profiles) AS patients, (SELECT count(*) FROM appointments) AS appointments
        """

    static func validate(_ options: DemoSeedOptions) throws {
        guard DemoSeedOptions.patientRange.contains(options.patients) else {
            throw DemoSeedError.invalidOptions(
                "patients must be between \(DemoSeedOptions.patientRange.lowerBound) and "
                    + "\(DemoSeedOptions.patientRange.upperBound) (got \(options.patients))")
        }
        guard DemoSeedOptions.clinicianRange.contains(options.clinicians) else {
            throw DemoSeedError.invalidOptions(
                "clinicians must be between \(DemoSeedOptions.clinicianRange.lowerBound) and "
                    + "\(DemoSeedOptions.clinicianRange.upperBound) (got \(options.clinicians))")
        }
        guard (1900...2999).contains(options.today.year) else {
            throw DemoSeedError.invalidOptions("today must be a date between 1900 and 2999 (got \(options.today))")
        }
    }

    static func refuseIfNotEmpty(_ row: Row) throws {
        let patients: Int64 = try row.decode("patients")
        let appointments: Int64 = try row.decode("appointments")
        if patients > 0 || appointments > 0 {
            throw DemoSeedError.databaseNotEmpty(patients: patients, appointments: appointments)
        }
    }
}
