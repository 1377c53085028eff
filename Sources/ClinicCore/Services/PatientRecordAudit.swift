/// Records who opened which patient's record, and answers "who looked at this patient".
///
/// Each view is a `patient.viewed` row in the hash-chained `desk_audit_log` (entity `patient`, the
/// `patient_profiles.id`), on the chain of the centre the staff member was working at.
public struct PatientRecordAudit: Sendable {
    /// The audit action of a record view.
    public static let viewedAction = "patient.viewed"

    private let database: Database

    /// The record-view audit of `database`.
    public init(database: Database) { self.database = database }

    /// Records that `actor` opened the record of patient `patientID` (a `patient_profiles.id`).
    @discardableResult
    public func recordView(actor: StaffActor, patientID: Int64) async throws -> Int64 {
        try await database.transaction { session in
            try AuditLog.record(
                AuditEntry(
                    actorUserID: actor.userID, centreID: actor.activeCentreID,
                    action: PatientRecordAudit.viewedAction, entityType: "patient",
                    entityID: patientID, host: actor.host), in: session)
        }
    }

    /// Who opened patient `patientID`'s record, newest first, as `actor` may see it.
    ///
    /// Needs `Permission.viewAuditLog` at the actor's working centre. Staff whose roles reach every
    /// centre see every view; a centre manager sees the views recorded at their own centres.
    /// - Throws: `AccessError` or a `DatabaseError`.
    public func viewers(of patientID: Int64, for actor: StaffActor) async throws -> [PatientRecordView] {
        try PermissionTable.check(actor, .viewAuditLog, centreID: actor.activeCentreID)
        let everywhere = actor.chainWideRoles.contains { PermissionTable.allowedRoles(.viewAuditLog).contains($0) }
        let allowedCentres = actor.assignments
            .filter { PermissionTable.allowedRoles(.viewAuditLog).contains($0.role) }
            .compactMap(\.centreID)
        let centreList = "{" + allowedCentres.map(String.init).joined(separator: ",") + "}"
        let rows = try await database.query(
            """
            SELECT l.occurred_at, l.host, l.centre_id, l.actor_user_id, coalesce(u.full_name, 'unknown') AS who
            FROM desk_audit_log l
            LEFT JOIN users u ON u.id = l.actor_user_id
            WHERE l.entity_type = 'patient' AND l.entity_id = \(patientID) AND l.action = \(PatientRecordAudit.viewedAction)
              AND (\(everywhere) OR l.centre_id = ANY (\(centreList)::bigint[]))
            ORDER BY l.occurred_at DESC, l.id DESC
            """)
        return try rows.map { row in
            PatientRecordView(
                who: try row.decode("who"), userID: try row.decode("actor_user_id"),
                at: try row.decode("occurred_at"), host: try row.decode("host"),
                centreID: try row.decode("centre_id"))
        }
    }
}

/// One opening of a patient's record.
public struct PatientRecordView: Sendable, Equatable {
    /// The staff member's full name.
    public var who: String
    /// Their `users.id`.
    public var userID: Int64?
    /// When they opened it.
    public var at: Instant
    /// The terminal they used.
    public var host: String?
    /// The centre they were working at, if any.
    public var centreID: Int64?

    /// A view as recorded.
    public init(who: String, userID: Int64?, at: Instant, host: String?, centreID: Int64?) {
        self.who = who
        self.userID = userID
        self.at = at
        self.host = host
        self.centreID = centreID
    }
}
