import Foundation

/// Adds, disables and lists staff accounts and sets their passwords, writing the rows exactly as the
/// web's staff screens do, so each side sees the other's staff.
///
/// A new member gets a `users` row (`STAFF`, phone as 10 digits, bcrypt `$2b$` cost 10), a
/// `staff_profiles` row (without it the web's admin lists do not show them), one `user_roles` row per
/// centre (NULL centre for ADMIN and MANAGER) and a `centre_staff_assignments` row per centre, all in
/// one audited transaction. With an `actor`, every call needs `Permission.administerStaff`; without
/// one it is the command line's operator, whose authority is the database login itself (that is how
/// the first admin of an empty database is made).
public struct StaffAdministration: Sendable {
    /// The shortest password accepted.
    public static let minimumPasswordLength = 8

    private let database: Database
    private let actor: StaffActor?
    private let host: String

    /// Administration of `database` by `actor` (nil: the command-line operator) at terminal `host`.
    public init(database: Database, actor: StaffActor? = nil, host: String) {
        self.database = database
        self.actor = actor
        self.host = actor?.host ?? host
    }

    /// Adds a staff member and returns their `users.id`.
    /// - Throws: `StaffAdministrationError` naming what to change, `AccessError` when the actor is not
    ///   an admin, or a `DatabaseError`.
    public func add(_ member: NewStaffMember) async throws -> Int64 {
        try checkAdministrator()
        let valid = try StaffAdministration.validate(member)
        let hash = try PasswordHasher.hash(member.password)
        let actorID = actor?.userID
        let host = self.host
        do {
            return try await database.transaction { session in
                try StaffAdministration.requireFree(valid, in: session)
                let roleID: Int64 = try session.queryOne("SELECT id FROM roles WHERE name = \(valid.role.rawValue)").decode("id")
                // The web's createStaffUser statements, in its order.
                let userID: Int64 = try session.queryOne(
                    """
                    INSERT INTO users (phone, email, username, password_hash, full_name, user_type, is_active)
                    VALUES (\(valid.phone), \(valid.email), \(valid.username), \(hash), \(valid.fullName), 'STAFF', TRUE)
                    RETURNING id
                    """
                ).decode("id")
                try session.execute(
                    """
                    INSERT INTO staff_profiles (user_id, designation, is_active) VALUES (\(userID), \(valid.role.designation), TRUE)
                    """)
                if valid.centreIDs.isEmpty {
                    try session.execute(
                        """
                        INSERT INTO user_roles (user_id, role_id, centre_id, is_active) VALUES (\(userID), \(roleID), NULL, TRUE)
                        """)
                }
                for centre in valid.centreIDs {
                    try session.execute(
                        """
                        INSERT INTO user_roles (user_id, role_id, centre_id, is_active) VALUES (\(userID), \(roleID), \(centre), TRUE)
                        """)
                    try session.execute(
                        """
                        INSERT INTO centre_staff_assignments (centre_id, user_id, role_id, is_active)
                        VALUES (\(centre), \(userID), \(roleID), TRUE)
                        """)
                }
                let details = [
                    "username": valid.username, "role": valid.role.rawValue,
                    "centres": valid.centreIDs.map(String.init).joined(separator: ","),
                ]
                try AuditLog.record(
                    AuditEntry(
                        actorUserID: actorID, centreID: nil, action: "staff.added", entityType: "staff_user",
                        entityID: userID, host: host, detailsJSON: AuditDetailsJSON.object(details)),
                    in: session)
                return userID
            }
        } catch let error as DatabaseError {
            throw StaffAdministration.translate(error, username: valid.username)
        }
    }

    /// Sets a new password for staff user `userID` and lifts any sign-in lock.
    /// - Throws: `StaffAdministrationError.passwordTooShort`, `.staffNotFound`, `AccessError`, or a `DatabaseError`.
    public func setPassword(userID: Int64, to newPassword: String) async throws {
        try await setPassword(of: .userID(userID), to: newPassword)
    }

    /// Sets a new password for the staff member with this username or phone and lifts any sign-in lock.
    /// - Throws: `StaffAdministrationError.passwordTooShort`, `.staffNotFound`, `AccessError`, or a `DatabaseError`.
    public func setPassword(login: String, to newPassword: String) async throws {
        try await setPassword(of: .login(login), to: newPassword)
    }

    /// Disables the staff member with this username or phone (as the web's toggle does: `users` and
    /// `staff_profiles` inactive); their role rows are kept, so enabling them again restores access.
    /// - Returns: false when the account was already disabled.
    /// - Throws: `StaffAdministrationError.staffNotFound`, `.lastActiveAdmin`, `AccessError`, or a `DatabaseError`.
    @discardableResult
    public func disable(login: String) async throws -> Bool {
        try checkAdministrator()
        let actorID = actor?.userID
        let host = self.host
        return try await database.transaction { session in
            let user = try StaffAdministration.resolve(.login(login), in: session)
            guard user.isActive else { return false }
            // Serialise disabling, so two admins cannot disable each other at once.
            try session.execute("SELECT pg_advisory_xact_lock(7263540012)")
            let otherAdmins: Int64 = try session.queryOne(
                """
                SELECT count(DISTINCT u.id) AS n
                FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
                WHERE r.name = 'ADMIN' AND ur.is_active = TRUE AND u.is_active = TRUE AND u.user_type = 'STAFF'
                  AND u.id <> \(user.id)
                """
            ).decode("n")
            let isAdmin = try StaffUserRecord.assignments(of: user.id, in: session).contains { $0.role == .admin }
            if isAdmin && otherAdmins == 0 { throw StaffAdministrationError.lastActiveAdmin }
            try session.execute("UPDATE users SET is_active = FALSE, updated_at = NOW() WHERE id = \(user.id)")
            try session.execute("UPDATE staff_profiles SET is_active = FALSE, updated_at = NOW() WHERE user_id = \(user.id)")
            try AuditLog.record(
                AuditEntry(
                    actorUserID: actorID, centreID: nil, action: "staff.disabled", entityType: "staff_user",
                    entityID: user.id, host: host), in: session)
            return true
        }
    }

    /// Every staff account, active first, by name, with its active roles and sign-in state.
    /// - Throws: `AccessError` when the actor is not an admin, or a `DatabaseError`.
    public func list() async throws -> [StaffListing] {
        try checkAdministrator()
        return try await database.transaction(isolation: .repeatableRead) { session in
            let roleRows = try session.query(
                """
                SELECT ur.user_id, r.name, ur.centre_id
                FROM user_roles ur JOIN roles r ON r.id = ur.role_id JOIN users u ON u.id = ur.user_id
                WHERE u.user_type = 'STAFF' AND ur.is_active = TRUE
                ORDER BY ur.user_id, r.name, ur.centre_id
                """)
            var roles: [Int64: [RoleAssignment]] = [:]
            for row in roleRows {
                guard let assignment = try StaffUserRecord.assignment(from: row) else { continue }
                let userID: Int64 = try row.decode("user_id")
                if !roles[userID, default: []].contains(assignment) { roles[userID, default: []].append(assignment) }
            }
            return try session.query(
                """
                SELECT u.id, u.username, u.full_name, u.phone, u.email, u.is_active, sp.designation,
                       sp.user_id IS NOT NULL AS has_profile, s.last_signed_in_at,
                       CASE WHEN s.locked_until > now() THEN s.locked_until END AS locked_until
                FROM users u
                LEFT JOIN staff_profiles sp ON sp.user_id = u.id
                LEFT JOIN desk_staff_sign_in_state s ON s.user_id = u.id
                WHERE u.user_type = 'STAFF'
                ORDER BY u.is_active DESC, u.full_name, u.id
                """
            ).map { row in
                let id: Int64 = try row.decode("id")
                return StaffListing(
                    userID: id, username: try row.decode("username"), fullName: try row.decode("full_name"),
                    phone: try row.decode("phone"), email: try row.decode("email"),
                    designation: try row.decode("designation"), isActive: try row.decode("is_active"),
                    hasStaffProfile: try row.decode("has_profile"), assignments: roles[id] ?? [],
                    lastSignedInAt: try row.decode("last_signed_in_at"),
                    lockedUntil: try row.decode("locked_until"))
            }
        }
    }

    // MARK: - Private

    private enum Reference: Sendable {
        case userID(Int64)
        case login(String)
    }

    private func setPassword(of reference: Reference, to newPassword: String) async throws {
        try checkAdministrator()
        guard newPassword.count >= StaffAdministration.minimumPasswordLength else {
            throw StaffAdministrationError.passwordTooShort(minimum: StaffAdministration.minimumPasswordLength)
        }
        let hash = try PasswordHasher.hash(newPassword)
        let actorID = actor?.userID
        let host = self.host
        try await database.transaction { session in
            let user = try StaffAdministration.resolve(reference, in: session)
            try session.execute("UPDATE users SET password_hash = \(hash), updated_at = NOW() WHERE id = \(user.id)")
            try session.execute(
                """
                UPDATE desk_staff_sign_in_state SET failed_attempts = 0, locked_until = NULL, updated_at = now()
                WHERE user_id = \(user.id)
                """)
            try AuditLog.record(
                AuditEntry(
                    actorUserID: actorID, centreID: nil, action: "staff.password_set",
                    entityType: "staff_user", entityID: user.id, host: host), in: session)
        }
    }

    private func checkAdministrator() throws {
        if let actor { try PermissionTable.check(actor, .administerStaff) }
    }

    private static func resolve(_ reference: Reference, in session: DatabaseSession) throws -> StaffUserRecord {
        switch reference {
        case .userID(let id):
            guard let user = try StaffUserRecord.find(id: id, in: session) else {
                throw StaffAdministrationError.staffNotFound(login: "user \(id)")
            }
            return user
        case .login(let login):
            guard let user = try StaffLogin(login).findUser(in: session) else {
                throw StaffAdministrationError.staffNotFound(login: login.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            return user
        }
    }

    /// A new member's fields, checked and normalised.
    struct ValidMember: Sendable {
        var username: String
        var fullName: String
        var phone: String
        var email: String?
        var role: StaffRole
        var centreIDs: [Int64]
    }

    /// Checks every field without the database, in the order a person fills them in.
    static func validate(_ member: NewStaffMember) throws -> ValidMember {
        let username = member.username.trimmingCharacters(in: .whitespaces)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        // A username that reads as a phone number would shadow someone's phone login.
        guard (3...50).contains(username.count), username.allSatisfy({ allowed.contains($0) }),
            StaffLogin.mobileDigits(username) == nil
        else {
            throw StaffAdministrationError.invalidUsername(username)
        }
        let fullName = member.fullName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !fullName.isEmpty, fullName.count <= 150, !fullName.contains(where: \.isNewline) else {
            throw StaffAdministrationError.invalidFullName
        }
        guard let phone = StaffLogin.mobileDigits(member.phone.trimmingCharacters(in: .whitespaces)),
            let first = phone.first, "6789".contains(first)
        else { throw StaffAdministrationError.invalidPhone }
        let email = member.email?.trimmingCharacters(in: .whitespaces)
        if let email, !email.isEmpty {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard email.count <= 255, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !email.contains(where: \.isWhitespace)
            else { throw StaffAdministrationError.invalidEmail }
        }
        guard member.password.count >= minimumPasswordLength else {
            throw StaffAdministrationError.passwordTooShort(minimum: minimumPasswordLength)
        }
        guard member.role != .clinician else { throw StaffAdministrationError.clinicianNeedsProfile }
        var centres: [Int64] = []
        for centre in member.centreIDs where !centres.contains(centre) { centres.append(centre) }
        if member.role.reachesEveryCentre {
            guard centres.isEmpty else { throw StaffAdministrationError.centreNotAllowed(member.role) }
        } else {
            guard !centres.isEmpty else { throw StaffAdministrationError.centreRequired(member.role) }
        }
        return ValidMember(
            username: username, fullName: fullName, phone: phone,
            email: email?.isEmpty == false ? email : nil, role: member.role, centreIDs: centres)
    }

    /// Refuses unknown centres and a username, phone or e-mail another account already has.
    private static func requireFree(_ member: ValidMember, in session: DatabaseSession) throws {
        for centre in member.centreIDs {
            let found = try session.query("SELECT 1 FROM centres WHERE id = \(centre) AND is_active = TRUE")
            if found.isEmpty { throw StaffAdministrationError.unknownCentre(centre) }
        }
        if try !session.query("SELECT 1 FROM users WHERE lower(username) = lower(\(member.username))").isEmpty {
            throw StaffAdministrationError.usernameTaken(member.username)
        }
        // Exactly this number anywhere (the unique index), or either stored form on another staff login.
        let withCountryCode = "91" + member.phone
        if try !session.query(
            """
            SELECT 1 FROM users
            WHERE phone = \(member.phone) OR (user_type = 'STAFF' AND phone = \(withCountryCode))
            """
        ).isEmpty {
            throw StaffAdministrationError.phoneTaken
        }
        if let email = member.email, try !session.query("SELECT 1 FROM users WHERE email = \(email)").isEmpty {
            throw StaffAdministrationError.emailTaken
        }
    }

    /// A unique-index race lost to another writer becomes the same words as the check before it.
    private static func translate(_ error: DatabaseError, username: String) -> Error {
        guard error.sqlState == "23505" else { return error }
        switch error.constraint {
        case "ux_users_username": return StaffAdministrationError.usernameTaken(username)
        case "ux_users_phone": return StaffAdministrationError.phoneTaken
        case "ux_users_email": return StaffAdministrationError.emailTaken
        default: return error
        }
    }
}

/// A staff member to add; the password is hashed before anything is written and never stored or logged.
public struct NewStaffMember: Sendable {
    /// Login name: 3 to 50 characters of a–z, 0–9, dot, underscore, hyphen.
    public var username: String
    /// `users.full_name`.
    public var fullName: String
    /// An Indian mobile number in any typed form; stored as 10 digits, as the web's staff screens do.
    public var phone: String
    /// Optional e-mail address.
    public var email: String?
    /// Their role (not CLINICIAN: clinicians are added with their profile on the web).
    public var role: StaffRole
    /// The centres of a centre-scoped role; empty for ADMIN and MANAGER.
    public var centreIDs: [Int64]
    /// The first password, at least `StaffAdministration.minimumPasswordLength` characters.
    public var password: String

    /// A staff member to add.
    public init(
        username: String, fullName: String, phone: String, email: String? = nil, role: StaffRole,
        centreIDs: [Int64] = [], password: String
    ) {
        self.username = username
        self.fullName = fullName
        self.phone = phone
        self.email = email
        self.role = role
        self.centreIDs = centreIDs
        self.password = password
    }
}

/// One staff account as `staff list` shows it.
public struct StaffListing: Sendable, Equatable {
    /// `users.id`.
    public var userID: Int64
    /// `users.username`.
    public var username: String?
    /// `users.full_name`.
    public var fullName: String
    /// `users.phone` as stored.
    public var phone: String?
    /// `users.email`.
    public var email: String?
    /// `staff_profiles.designation`.
    public var designation: String?
    /// `users.is_active`.
    public var isActive: Bool
    /// False for accounts the web's admin lists cannot show (no `staff_profiles` row).
    public var hasStaffProfile: Bool
    /// Active roles and their centres.
    public var assignments: [RoleAssignment]
    /// The last successful desk sign-in.
    public var lastSignedInAt: Instant?
    /// Set while the login is locked after failed attempts.
    public var lockedUntil: Instant?

    /// A listing row.
    public init(
        userID: Int64, username: String?, fullName: String, phone: String?, email: String?, designation: String?,
        isActive: Bool, hasStaffProfile: Bool, assignments: [RoleAssignment], lastSignedInAt: Instant?,
        lockedUntil: Instant?
    ) {
        self.userID = userID
        self.username = username
        self.fullName = fullName
        self.phone = phone
        self.email = email
        self.designation = designation
        self.isActive = isActive
        self.hasStaffProfile = hasStaffProfile
        self.assignments = assignments
        self.lastSignedInAt = lastSignedInAt
        self.lockedUntil = lockedUntil
    }
}
