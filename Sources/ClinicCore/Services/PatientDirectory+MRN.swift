extension PatientDirectory {
    /// Gives every patient without an MRN one from `desk_mrn_seq`, in registration order, audited as
    /// one `patient.mrn-assigned` row; returns how many were assigned.
    ///
    /// With an `actor` it needs `Permission.registerPatient`; nil is the command-line operator, whose
    /// authority is the database login itself (as for `clinic-desk staff`).
    /// - Throws: `AccessError` or a `DatabaseError`.
    @discardableResult
    public func assignMissingMRNs(actor: StaffActor?, host: String? = nil) async throws -> Int {
        if let actor { try PermissionTable.check(actor, .registerPatient) }
        return try await database.transaction { session in
            let rows = try session.query(
                """
                WITH missing AS (
                    SELECT id FROM patient_profiles WHERE mrn IS NULL OR btrim(mrn) = '' ORDER BY id FOR UPDATE
                ), numbered AS (
                    SELECT id, row_number() OVER (ORDER BY id) AS n FROM missing
                )
                UPDATE patient_profiles p SET mrn = next.mrn, updated_at = now()
                FROM (SELECT id, desk_next_mrn() AS mrn FROM numbered ORDER BY n) AS next
                WHERE p.id = next.id
                RETURNING p.id, p.mrn
                """)
            guard !rows.isEmpty else { return 0 }
            let ids = try rows.map { try $0.decode("id", as: Int64.self) }.sorted()
            let mrns = try rows.map { try $0.decode("mrn", as: String.self) }.sorted()
            try PatientDirectory.audit(
                "patient.mrn-assigned", patientID: nil, actor: actor, host: host,
                details: [
                    "count": .int(Int64(ids.count)), "first_mrn": .text(mrns.first), "last_mrn": .text(mrns.last),
                    "patient_ids": .ids(Array(ids.prefix(1000))),
                ], in: session)
            return ids.count
        }
    }
}

extension StaffActor {
    /// The command-line operator of `clinic-desk patients …`: not a staff login, so it has no
    /// `users.id` (0; audit rows record no actor, only the host). Its authority is the database login
    /// itself, as for `clinic-desk staff`, and it holds MANAGER rights for the permission checks.
    public static func commandLineOperator(host: String) -> StaffActor {
        StaffActor(
            userID: 0, fullName: "command-line operator", username: nil,
            assignments: [RoleAssignment(role: .manager, centreID: nil)], host: host)
    }
}

extension StaffActor {
    /// The active staff member with this username or phone, as the command line's `--as` names them:
    /// their active roles, their clinician profile, working at their first assigned centre. No password
    /// is asked, because the database login already carries the authority (as for `clinic-desk staff`).
    /// - Throws: `StaffAdministrationError.staffNotFound`, or a `DatabaseError`.
    public static func commandLine(login: String, host: String, database: Database) async throws -> StaffActor {
        try await database.transaction { session in
            guard let user = try StaffLogin(login).findUser(in: session), user.isActive else {
                throw StaffAdministrationError.staffNotFound(login: login)
            }
            let assignments = try StaffUserRecord.assignments(of: user.id, in: session)
            let clinician = try session.query(
                "SELECT id FROM clinician_profiles WHERE user_id = \(user.id) AND is_active ORDER BY id LIMIT 1")
            return StaffActor(
                userID: user.id, fullName: user.fullName, username: user.username, assignments: assignments,
                clinicianID: try clinician.first?.decode("id"), activeCentreID: assignments.compactMap(\.centreID).first,
                host: host)
        }
    }
}
