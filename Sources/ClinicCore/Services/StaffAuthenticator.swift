/// Signs staff in with a username or phone and password, locks a login after repeated failures, and
/// audits every attempt.
///
/// Staff are the web's: `users` with `user_type = 'STAFF'`, roles from active `user_roles` joined to
/// `roles` by name, bcrypt hashes as the web writes them. Failures are counted in
/// `desk_staff_sign_in_state` with the database's `now()`, in the same transaction as the audit row.
public struct StaffAuthenticator: Sendable {
    /// Failed attempts in a row that lock a login.
    public static let maximumFailedAttempts = 5
    /// How long a lock lasts, and how long a failure counts toward the next lock.
    public static let lockMinutes = 15

    /// A valid cost-10 bcrypt hash of a random string: unknown logins are checked against it so they
    /// take as long as a wrong password.
    static let timingEqualiserHash = "$2b$10$f6RTHVlMTgjIYfwiAFdX9OLrhwz3ffa58Gw6N2C7.nW/fvBpKfXKi"

    private let database: Database

    /// An authenticator for `database`.
    public init(database: Database) { self.database = database }

    /// Checks the login and password and returns the signed-in staff member, at their first centre.
    ///
    /// `login` is a username or a phone number in any typed form; `host` is the terminal's host name,
    /// recorded in the audit log with the attempt (the password never is).
    /// - Throws: `SignInError` (`.wrongLoginOrPassword` for an unknown login too, `.locked`,
    ///   `.inactive`, `.noActiveRole`, `.clinicianProfileMissing`) or a `DatabaseError`.
    public func signIn(login: String, password: String, host: String) async throws -> StaffActor {
        let staffLogin = StaffLogin(login)
        let outcome: Result<StaffActor, SignInError> = try await database.transaction { session in
            guard let user = try staffLogin.findUser(in: session) else {
                _ = PasswordHasher.verify(password, against: StaffAuthenticator.timingEqualiserHash)
                try StaffAuthenticator.audit(
                    "staff.sign_in_failed", actor: nil, account: nil, centre: nil, host: host,
                    details: ["reason": "unknown login"], in: session)
                return .failure(.wrongLoginOrPassword)
            }
            if let refusal = try StaffAuthenticator.checkPassword(password, of: user, host: host, context: "sign-in", in: session) {
                return .failure(refusal)
            }
            return try StaffAuthenticator.completeSignIn(user, host: host, in: session)
        }
        return try outcome.get()
    }

    /// Audits the end of a session at this terminal.
    public func signOut(_ actor: StaffActor) async throws {
        try await database.transaction { session in
            try StaffAuthenticator.audit(
                "staff.signed_out", actor: actor.userID, account: actor.userID,
                centre: actor.activeCentreID, host: actor.host, details: [:], in: session)
        }
    }

    /// Checks the signed-in staff member's password again (to unlock the idle lock screen).
    ///
    /// A wrong password counts toward the lockout like a failed sign-in.
    /// - Returns: true when it matches; false when it does not.
    /// - Throws: `SignInError.locked` (also when this failure locks the login), `.inactive` or
    ///   `.noActiveRole` when the account changed since sign-in, or a `DatabaseError`.
    public func verifyPassword(of actor: StaffActor, _ password: String) async throws -> Bool {
        let outcome: Result<Bool, SignInError> = try await database.transaction { session in
            guard let user = try StaffUserRecord.find(id: actor.userID, in: session) else {
                return .failure(.inactive)
            }
            if let refusal = try StaffAuthenticator.checkPassword(password, of: user, host: actor.host, context: "unlock", in: session) {
                return refusal == .wrongLoginOrPassword ? .success(false) : .failure(refusal)
            }
            if !user.isActive {
                try StaffAuthenticator.refuse(user, .inactive, host: actor.host, in: session)
                return .failure(.inactive)
            }
            if try StaffUserRecord.assignments(of: user.id, in: session).isEmpty {
                try StaffAuthenticator.refuse(user, .noActiveRole, host: actor.host, in: session)
                return .failure(.noActiveRole)
            }
            try StaffAuthenticator.resetFailures(of: user.id, signedIn: false, in: session)
            try StaffAuthenticator.audit(
                "staff.unlocked", actor: user.id, account: user.id, centre: actor.activeCentreID,
                host: actor.host, details: [:], in: session)
            return .success(true)
        }
        return try outcome.get()
    }

    // MARK: - Steps inside the transaction

    /// Refuses a locked login, verifies the password, and counts a failure; nil when the password matches.
    private static func checkPassword(
        _ password: String, of user: StaffUserRecord, host: String, context: String,
        in session: DatabaseSession
    ) throws -> SignInError? {
        // One row per login, locked for the whole attempt: concurrent attempts are counted one by one.
        try session.execute(
            """
            INSERT INTO desk_staff_sign_in_state (user_id) VALUES (\(user.id)) ON CONFLICT (user_id) DO NOTHING
            """)
        let state = try session.queryOne(
            """
            SELECT locked_until, coalesce(locked_until > now(), false) AS is_locked
            FROM desk_staff_sign_in_state WHERE user_id = \(user.id) FOR UPDATE
            """)
        if try state.decode("is_locked", as: Bool.self), let until: Instant = try state.decode("locked_until") {
            try audit(
                "staff.sign_in_refused", actor: nil, account: user.id, centre: nil, host: host,
                details: ["reason": "locked", "context": context], in: session)
            return .locked(until: until)
        }
        if let hash = user.passwordHash, PasswordHasher.verify(password, against: hash) {
            return nil
        }
        return try recordFailure(of: user.id, host: host, context: context, in: session)
    }

    /// Counts one failure with the database's clock; the failure that reaches the maximum locks the login.
    private static func recordFailure(
        of userID: Int64, host: String, context: String,
        in session: DatabaseSession
    ) throws -> SignInError {
        // A failure starts a new count when the last one is older than the window or a lock has expired.
        let row = try session.queryOne(
            """
            WITH next AS (
                SELECT user_id,
                       CASE WHEN (locked_until IS NOT NULL AND locked_until <= now())
                              OR last_failed_at IS NULL
                              OR last_failed_at <= now() - make_interval(mins => \(lockMinutes))
                            THEN 1 ELSE failed_attempts + 1 END AS attempts
                FROM desk_staff_sign_in_state WHERE user_id = \(userID)
            )
            UPDATE desk_staff_sign_in_state s
            SET failed_attempts = next.attempts,
                last_failed_at = now(),
                locked_until = CASE WHEN next.attempts >= \(maximumFailedAttempts)
                                    THEN now() + make_interval(mins => \(lockMinutes)) END,
                updated_at = now()
            FROM next
            WHERE s.user_id = next.user_id
            RETURNING s.failed_attempts, s.locked_until
            """)
        let attempts: Int = try row.decode("failed_attempts")
        try audit(
            "staff.sign_in_failed", actor: nil, account: userID, centre: nil, host: host,
            details: ["reason": "wrong password", "context": context, "failed_attempts": String(attempts)], in: session)
        guard let until: Instant = try row.decode("locked_until") else { return .wrongLoginOrPassword }
        try audit(
            "staff.locked", actor: nil, account: userID, centre: nil, host: host,
            details: ["failed_attempts": String(attempts), "locked_until": until.description], in: session)
        return .locked(until: until)
    }

    /// The account checks after a correct password, then the signed-in staff member.
    private static func completeSignIn(
        _ user: StaffUserRecord, host: String,
        in session: DatabaseSession
    ) throws -> Result<StaffActor, SignInError> {
        guard user.isActive else {
            try refuse(user, .inactive, host: host, in: session)
            return .failure(.inactive)
        }
        let assignments = try StaffUserRecord.assignments(of: user.id, in: session)
        guard !assignments.isEmpty else {
            try refuse(user, .noActiveRole, host: host, in: session)
            return .failure(.noActiveRole)
        }
        var clinician: (id: Int64, primaryCentre: Int64)?
        if assignments.contains(where: { $0.role == .clinician }) {
            let rows = try session.query(
                """
                SELECT id, primary_centre_id FROM clinician_profiles WHERE user_id = \(user.id) AND is_active = TRUE
                ORDER BY id LIMIT 1
                """)
            guard let row = rows.first else {
                try refuse(user, .clinicianProfileMissing, host: host, in: session)
                return .failure(.clinicianProfileMissing)
            }
            clinician = (try row.decode("id"), try row.decode("primary_centre_id"))
        }
        var actor = StaffActor(
            userID: user.id, fullName: user.fullName, username: user.username,
            assignments: assignments, clinicianID: clinician?.id, host: host)
        // The first centre their roles name; a clinician starts at their primary centre when it is theirs.
        if let primary = clinician?.primaryCentre, actor.assignedCentreIDs.contains(primary) {
            actor.activeCentreID = primary
        } else {
            actor.activeCentreID = actor.assignedCentreIDs.first
        }
        try resetFailures(of: user.id, signedIn: true, in: session)
        let roles = assignments.map { "\($0.role.rawValue)@\($0.centreID.map(String.init) ?? "all")" }
        try audit(
            "staff.signed_in", actor: user.id, account: user.id, centre: actor.activeCentreID, host: host,
            details: ["roles": roles.joined(separator: ",")], in: session)
        return .success(actor)
    }

    private static func resetFailures(of userID: Int64, signedIn: Bool, in session: DatabaseSession) throws {
        try session.execute(
            """
            UPDATE desk_staff_sign_in_state
            SET failed_attempts = 0, locked_until = NULL, updated_at = now(),
                last_signed_in_at = CASE WHEN \(signedIn) THEN now() ELSE last_signed_in_at END
            WHERE user_id = \(userID)
            """)
    }

    private static func refuse(
        _ user: StaffUserRecord, _ reason: SignInError, host: String,
        in session: DatabaseSession
    ) throws {
        let words: String
        switch reason {
        case .inactive: words = "inactive"
        case .noActiveRole: words = "no active role"
        case .clinicianProfileMissing: words = "clinician profile missing"
        case .locked: words = "locked"
        case .wrongLoginOrPassword: words = "wrong password"
        }
        try audit(
            "staff.sign_in_refused", actor: nil, account: user.id, centre: nil, host: host,
            details: ["reason": words], in: session)
    }

    /// One audit row about a staff account: `actor` did it (nil when unproven), `account` is the login.
    private static func audit(
        _ action: String, actor: Int64?, account: Int64?, centre: Int64?, host: String,
        details: [String: String], in session: DatabaseSession
    ) throws {
        try AuditLog.record(
            AuditEntry(
                actorUserID: actor, centreID: centre, action: action, entityType: "staff_user",
                entityID: account, host: host, detailsJSON: AuditDetailsJSON.object(details)),
            in: session)
    }
}
