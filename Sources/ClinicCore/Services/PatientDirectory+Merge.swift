extension PatientDirectory {
    /// Tables whose `patient_id` (a `patient_profiles.id`) moves to the kept patient in a merge.
    public static let patientIDTables = [
        "appointments", "payments", "patient_medical_notes", "patient_notifications", "clinician_notes_history",
        "follow_up_appointments", "waiting_queue_entries",
    ]

    /// Makes two records of one person into one (typically `98…` from the desk and `9198…` from the web).
    ///
    /// In one transaction: appointments, payments, medical notes, patient notifications, clinician
    /// notes, follow-ups and queue entries move to `keep`; `notifications` move to the kept `users.id`;
    /// household members of `remove` join `keep`'s household. The kept `users` row ends up with the
    /// phone in the web's login format (the removed row's phone is cleared first, because the web's
    /// phone lookup ignores `is_active` and `ux_users_phone` is unique); blanks on the kept record are
    /// filled from the removed one. The removed `users` and `patient_profiles` rows are deactivated,
    /// never deleted, and the audit row lists every moved id.
    /// - Throws: `PatientError.cannotMerge`, `.patientNotFound`, `.phoneUsedByStaffAccount`,
    ///   `AccessError` without `Permission.mergePatients` (centre manager and above), or a `DatabaseError`.
    @discardableResult
    public func merge(keep: Int64, remove: Int64, actor: StaffActor) async throws -> PatientMergeSummary {
        try PermissionTable.check(actor, .mergePatients)
        guard keep != remove else { throw PatientError.cannotMerge("a record cannot be merged with itself") }
        do {
            return try await database.transaction { session in
                // Lock both in id order, so two merges of the same pair cannot deadlock.
                let rows = try session.query(
                    """
                    SELECT pp.id, pp.user_id, pp.is_active AND u.is_active AS active, u.phone, u.email, u.user_type, pp.mrn,
                           pp.desk_contact_holder_patient_id AS holder
                    FROM patient_profiles pp JOIN users u ON u.id = pp.user_id
                    WHERE pp.id IN (\(keep), \(remove))
                    ORDER BY pp.id
                    FOR UPDATE
                    """)
                var found: [Int64: Row] = [:]
                for row in rows { found[try row.decode("id")] = row }
                guard let kept = found[keep] else { throw PatientError.patientNotFound(patientID: keep) }
                guard let removed = found[remove] else { throw PatientError.patientNotFound(patientID: remove) }
                for row in [kept, removed] {
                    guard try row.decode("active", as: Bool.self), try row.decode("user_type", as: String.self) == "PATIENT" else {
                        throw PatientError.cannotMerge("patient \(try row.decode("id", as: Int64.self)) is not an active patient")
                    }
                }
                return try PatientDirectory.performMerge(keep: kept, remove: removed, actor: actor, in: session)
            }
        } catch let error as DatabaseError where error.constraint == "ux_users_phone" {
            throw PatientError.phoneUsedByStaffAccount
        }
    }

    private static func performMerge(keep: Row, remove: Row, actor: StaffActor, in session: DatabaseSession) throws
        -> PatientMergeSummary
    {
        let keepID: Int64 = try keep.decode("id")
        let removeID: Int64 = try remove.decode("id")
        let keepUser: Int64 = try keep.decode("user_id")
        let removeUser: Int64 = try remove.decode("user_id")
        let keepPhone: String? = try keep.decode("phone")
        let removePhone: String? = try remove.decode("phone")
        var moved: [String: [Int64]] = [:]

        for table in patientIDTables {
            // Table names come from the constant list above.
            let ids = try session.query(
                SQLQuery(
                    unsafeSQL: "UPDATE \(table) SET patient_id = $1 WHERE patient_id = $2 RETURNING id",
                    parameters: [
                        String(keepID), String(removeID),
                    ])
            ).map { try $0.decode("id", as: Int64.self) }
            moved[table] = ids.sorted()
        }
        // The web sets updated_at in SQL; the tables that have it get it here.
        for table in ["appointments", "payments", "follow_up_appointments", "waiting_queue_entries", "patient_notifications"] {
            if let ids = moved[table], !ids.isEmpty {
                try session.execute(
                    SQLQuery(
                        unsafeSQL: "UPDATE \(table) SET updated_at = now() WHERE id = ANY ($1::bigint[])", parameters: [SQLArray.ids(ids)]))
            }
        }
        moved["notifications"] = try session.query(
            "UPDATE notifications SET user_id = \(keepUser), updated_at = now() WHERE user_id = \(removeUser) RETURNING id"
        ).map { try $0.decode("id", as: Int64.self) }.sorted()
        moved["household_members"] = try session.query(
            """
            UPDATE patient_profiles SET desk_contact_holder_patient_id = \(keepID), updated_at = now()
            WHERE desk_contact_holder_patient_id = \(removeID) AND id <> \(keepID) RETURNING id
            """
        ).map { try $0.decode("id", as: Int64.self) }.sorted()

        // The phone: the kept row holds it in the web's login format; the removed row's is cleared
        // first so the unique index never sees the number twice.
        let keptNumber = keepPhone.flatMap { PhoneNumber($0) }
        let removedNumber = removePhone.flatMap { PhoneNumber($0) }
        let number = keptNumber ?? removedNumber
        let finalPhone = number?.webLoginFormat ?? keepPhone
        let droppedPhone = removedNumber != nil && keptNumber != nil && removedNumber != keptNumber ? removePhone : nil
        let keptEmail: String? = try keep.decode("email")
        let removedEmail: String? = try remove.decode("email")
        let keptMRN: String? = try keep.decode("mrn")
        let removedMRN: String? = try remove.decode("mrn")
        // Unique values that move (e-mail, MRN) leave the removed row first.
        try session.execute(
            """
            UPDATE users SET phone = NULL, is_active = FALSE, updated_at = now(),
                   email = CASE WHEN \(keptEmail)::text IS NULL THEN NULL ELSE email END
            WHERE id = \(removeUser)
            """)
        try session.execute(
            """
            UPDATE users k SET phone = \(finalPhone),
                   email = coalesce(k.email, \(removedEmail)),
                   first_name = coalesce(k.first_name, r.first_name), last_name = coalesce(k.last_name, r.last_name),
                   full_name = CASE WHEN k.first_name IS NULL AND r.first_name IS NOT NULL THEN r.full_name ELSE k.full_name END,
                   updated_at = now()
            FROM users r WHERE k.id = \(keepUser) AND r.id = \(removeUser)
            """)
        // Blanks on the kept profile are filled from the removed one (its MRN only when the kept has none).
        try session.execute(
            """
            UPDATE patient_profiles SET is_active = FALSE, desk_contact_holder_patient_id = NULL, updated_at = now(),
                   mrn = CASE WHEN \(keptMRN)::text IS NULL THEN NULL ELSE mrn END
            WHERE id = \(removeID)
            """)
        try session.execute(
            """
            UPDATE patient_profiles k
            SET date_of_birth = coalesce(k.date_of_birth, r.date_of_birth), age = coalesce(k.age, r.age),
                gender = coalesce(k.gender, r.gender), blood_group = coalesce(k.blood_group, r.blood_group),
                emergency_contact_name = coalesce(k.emergency_contact_name, r.emergency_contact_name),
                emergency_contact_phone = coalesce(k.emergency_contact_phone, r.emergency_contact_phone),
                notes = coalesce(k.notes, r.notes), mrn = coalesce(k.mrn, \(removedMRN)::text),
                registration_fee_paid = k.registration_fee_paid OR r.registration_fee_paid,
                registration_fee_paid_at = coalesce(k.registration_fee_paid_at, r.registration_fee_paid_at),
                desk_contact_holder_patient_id = CASE WHEN \(finalPhone)::text IS NOT NULL THEN NULL
                                                      ELSE k.desk_contact_holder_patient_id END,
                updated_at = now()
            FROM patient_profiles r WHERE k.id = \(keepID) AND r.id = \(removeID)
            """)

        var details: [String: AuditValue] = [
            "kept_patient_id": .int(keepID), "removed_patient_id": .int(removeID), "kept_user_id": .int(keepUser),
            "removed_user_id": .int(removeUser), "phone": .text(number?.masked),
            "moved": .object(moved.mapValues { AuditValue.ids($0) }),
            "counts": .object(moved.mapValues { AuditValue.int(Int64($0.count)) }),
        ]
        // A second, different number of the removed record is kept here in full, so it is not lost.
        if let droppedPhone { details["removed_record_phone"] = .string(droppedPhone) }
        try audit("patient.merged", patientID: keepID, actor: actor, details: details, in: session)
        return PatientMergeSummary(
            keptPatientID: keepID, removedPatientID: removeID, moved: moved, phone: finalPhone, droppedPhone: droppedPhone)
    }

    /// Pairs of active patients that are probably one person, for a manager to review: the same ten
    /// digits in both stored formats (or twice in one), or the same name and date of birth.
    /// - Throws: `AccessError` without `Permission.mergePatients`, or a `DatabaseError`.
    public func likelyDuplicatePairs(actor: StaffActor, limit: Int = 100) async throws
        -> [(PatientSearchResult, PatientSearchResult, reason: String)]
    {
        try PermissionTable.check(actor, .mergePatients)
        let pairLimit = max(1, min(limit, 10_000))
        let pairs = try await database.query(
            """
            WITH phone_pairs AS (
                SELECT a.id AS first_user, b.id AS second_user, 'same phone number' AS reason, 0 AS o
                FROM users a JOIN users b
                  ON desk_phone_digits(b.phone) = desk_phone_digits(a.phone) AND b.id > a.id
                WHERE a.phone IS NOT NULL AND b.phone IS NOT NULL
                  AND a.user_type = 'PATIENT' AND b.user_type = 'PATIENT' AND a.is_active AND b.is_active
                  AND length(desk_phone_digits(a.phone)) = 10
            ), name_pairs AS (
                SELECT min(u.id) AS first_user, max(u.id) AS second_user, 'same name and date of birth' AS reason, 1 AS o
                FROM users u JOIN patient_profiles pp ON pp.user_id = u.id
                WHERE u.user_type = 'PATIENT' AND u.is_active AND pp.is_active AND pp.date_of_birth IS NOT NULL
                  AND desk_name_key(u.first_name, u.last_name, u.full_name) NOT IN ('', 'patient')
                GROUP BY desk_name_key(u.first_name, u.last_name, u.full_name), pp.date_of_birth
                HAVING count(*) > 1
            )
            SELECT first_user, second_user, reason FROM (
                SELECT * FROM phone_pairs UNION ALL SELECT * FROM name_pairs
            ) p ORDER BY o, first_user, second_user LIMIT \(pairLimit)
            """)
        var userIDs: [Int64] = []
        for row in pairs {
            userIDs.append(try row.decode("first_user"))
            userIDs.append(try row.decode("second_user"))
        }
        let resultRows = try await database.query(
            PatientDirectory.resultQuery(
                """
                WITH c AS (
                    SELECT x.user_id, 'exactPhone' AS kind, x.ord FROM unnest(\(SQLArray.ids(userIDs))::bigint[]) WITH ORDINALITY AS x(user_id, ord)
                )
                """))
        var byUser: [Int64: PatientSearchResult] = [:]
        for row in resultRows {
            let result = try PatientDirectory.searchResult(row)
            byUser[result.userID] = result
        }
        var output: [(PatientSearchResult, PatientSearchResult, reason: String)] = []
        for row in pairs {
            let reason: String = try row.decode("reason")
            guard let first = byUser[try row.decode("first_user")], let second = byUser[try row.decode("second_user")] else { continue }
            var a = first
            var b = second
            let kind: PatientMatchKind = reason == "same phone number" ? .exactPhone : .exactName
            a.matchKind = kind
            b.matchKind = kind
            output.append((a, b, reason: reason))
        }
        return output
    }
}

/// What a merge moved, as its audit row records it.
public struct PatientMergeSummary: Sendable, Equatable {
    /// The surviving `patient_profiles.id`.
    public var keptPatientID: Int64
    /// The deactivated `patient_profiles.id`.
    public var removedPatientID: Int64
    /// Moved row ids by table ("appointments", "payments", "notifications", "household_members", …).
    public var moved: [String: [Int64]]
    /// The kept `users.phone` after the merge (web login format when it reads as a mobile).
    public var phone: String?
    /// The removed record's different number, cleared from it and kept in the audit row.
    public var droppedPhone: String?
}
