import ClinicCore

/// Staff rows written the web's way (its own statements from web-flow-statements.sql), and actors.
enum StaffTestData {
    /// A real bcryptjs `$2a$10$` hash of `webPassword`, copied from Tests/Fixtures/web/migrated-data.sql.
    static let webHash = "$2a$10$Kj0R/r6xXB7FwRbjjE8FoOrnXkA6LPAIi75OYR5jZU8yrPikDuUmi"
    /// The plaintext of `webHash`.
    static let webPassword = "Staff@123"

    /// A centre, as the web's centre screen writes it.
    static func centre(
        _ database: Database, name: String, city: String = "bengaluru",
        timezone: String = "Asia/Kolkata"
    ) async throws -> Int64 {
        try await database.transaction { session in
            try session.queryOne(
                """
                INSERT INTO centres (name, city, pincode, contact_phone, timezone)
                VALUES (\(name), \(city), '560038', '8045671234', \(timezone)) RETURNING id
                """
            ).decode("id")
        }
    }

    /// The id of a role, looked up by name.
    static func roleID(_ database: Database, _ role: StaffRole) async throws -> Int64 {
        try await database.query("SELECT id FROM roles WHERE name = \(role.rawValue)")[0].decode("id")
    }

    /// A web statement by (part of) its source comment.
    static func webStatement(_ source: String) throws -> String {
        var entries = try WebStatements.load().entries.filter { $0.source.contains(source) }
        if entries.count > 1 { entries = entries.filter { $0.source.hasSuffix(source) } }
        guard entries.count == 1, let entry = entries.first else {
            throw TestSetupError("web statement \(source): \(entries.count) matches")
        }
        return entry.sql
    }

    /// Creates a staff member exactly as the web's createStaffUser does (users, staff_profiles,
    /// user_roles per centre or NULL, centre_staff_assignments per centre) and returns `users.id`.
    static func insertWebStaff(
        _ database: Database, username: String?, phone: String?, fullName: String,
        role: StaffRole, centres: [Int64] = [], passwordHash: String? = webHash,
        designation: String = "Front Desk"
    ) async throws -> Int64 {
        let createUser = try webStatement("user.repository.ts: createStaffUser")
        let createProfile = try webStatement("createStaffUser (staff profile)")
        let createRole = try webStatement("createStaffUser (role with centre)")
        let createAssignment = try webStatement("createStaffUser (centre assignment)")
        let roleID = try await roleID(database, role)
        return try await database.transaction { session in
            let userID: Int64 = try session.queryOne(
                SQLQuery(
                    unsafeSQL: createUser,
                    parameters: [phone, nil, username, passwordHash, fullName])
            ).decode("id")
            try session.query(SQLQuery(unsafeSQL: createProfile, parameters: [String(userID), designation]))
            if centres.isEmpty {
                try session.query(SQLQuery(unsafeSQL: createRole, parameters: [String(userID), String(roleID), nil]))
            }
            for centre in centres {
                try session.query(SQLQuery(unsafeSQL: createRole, parameters: [String(userID), String(roleID), String(centre)]))
                try session.execute(SQLQuery(unsafeSQL: createAssignment, parameters: [String(centre), String(userID), String(roleID)]))
            }
            return userID
        }
    }

    /// An actor holding `role` at `centre` (ignored for ADMIN and MANAGER), working there.
    static func actor(_ role: StaffRole, at centre: Int64? = 1, clinicianID: Int64? = nil, userID: Int64 = 1) -> StaffActor {
        let centreID = role.reachesEveryCentre ? nil : centre
        return StaffActor(
            userID: userID, fullName: "\(role.displayName) Test", username: nil,
            assignments: [RoleAssignment(role: role, centreID: centreID)],
            clinicianID: clinicianID ?? (role == .clinician ? 7 : nil), activeCentreID: centreID, host: "desk-test")
    }

    /// Audit rows of `action`, oldest first.
    static func auditRows(_ database: Database, action: String) async throws -> [Row] {
        try await database.query(
            """
            SELECT actor_user_id, centre_id, entity_type, entity_id, host, details::text AS details
            FROM desk_audit_log WHERE action = \(action) ORDER BY id
            """)
    }
}
