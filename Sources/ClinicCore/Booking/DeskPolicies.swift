/// Booking policies every desk applies alike, kept in the web's `settings` table (keys `clinic_desk.*`).
public struct DeskPolicies: Sendable, Equatable {
    /// Overbooks allowed per clinician per local day.
    public var overbookCapPerClinicianDay: Int
    /// An unpaid BOOKED appointment older than this is a stale hold.
    public var staleHoldMinutes: Int
    /// Release stale holds automatically (off unless a manager turns it on).
    public var staleHoldAutoRelease: Bool
    /// When (centre wall clock) the day-before reminders go out.
    public var reminderLocalTime: LocalTime
    /// Gallabox template names for the messages the web sends as free text.
    public var cancellationTemplate: String
    public var rescheduleTemplate: String
    public var reminderTemplate: String
    /// The brand named in booking confirmations (`booking_conformation`'s last value).
    public var brandName: String

    /// The policies while no manager has set them (schema.sql adds no rows to the web's table: an
    /// upgrade changes no existing table's rows).
    public static let defaults = DeskPolicies(
        overbookCapPerClinicianDay: 2, staleHoldMinutes: 120, staleHoldAutoRelease: false,
        reminderLocalTime: LocalTime(hour: 18, minute: 0), cancellationTemplate: "appointment_cancellation",
        rescheduleTemplate: "appointment_rescheduled", reminderTemplate: "appointment_reminder", brandName: "Mind Clinic")

    /// Policies from their parts.
    public init(
        overbookCapPerClinicianDay: Int, staleHoldMinutes: Int, staleHoldAutoRelease: Bool, reminderLocalTime: LocalTime,
        cancellationTemplate: String, rescheduleTemplate: String, reminderTemplate: String, brandName: String
    ) {
        self.overbookCapPerClinicianDay = overbookCapPerClinicianDay
        self.staleHoldMinutes = staleHoldMinutes
        self.staleHoldAutoRelease = staleHoldAutoRelease
        self.reminderLocalTime = reminderLocalTime
        self.cancellationTemplate = cancellationTemplate
        self.rescheduleTemplate = rescheduleTemplate
        self.reminderTemplate = reminderTemplate
        self.brandName = brandName
    }

    enum Key {
        static let overbookCap = "clinic_desk.overbook_cap_per_clinician_day"
        static let staleHoldMinutes = "clinic_desk.stale_hold_minutes"
        static let staleHoldAutoRelease = "clinic_desk.stale_hold_auto_release"
        static let reminderTime = "clinic_desk.reminder_local_time"
        static let cancellationTemplate = "clinic_desk.template.cancellation"
        static let rescheduleTemplate = "clinic_desk.template.reschedule"
        static let reminderTemplate = "clinic_desk.template.reminder"
        static let brandName = "clinic_desk.brand_name"
    }

    /// The policies in force (a missing or unreadable key keeps its default).
    static func load(in session: DatabaseSession) throws -> DeskPolicies {
        var values: [String: String] = [:]
        for row in try session.query("SELECT key, value_json #>> '{}' AS value FROM settings WHERE key LIKE 'clinic\\_desk.%'") {
            values[try row.decode("key")] = try row.decode("value")
        }
        var policies = DeskPolicies.defaults
        if let cap = values[Key.overbookCap].flatMap({ Int($0) }), cap >= 0 { policies.overbookCapPerClinicianDay = cap }
        if let minutes = values[Key.staleHoldMinutes].flatMap({ Int($0) }), minutes > 0 { policies.staleHoldMinutes = minutes }
        if let auto = values[Key.staleHoldAutoRelease] { policies.staleHoldAutoRelease = auto == "true" }
        if let time = values[Key.reminderTime].flatMap({ LocalTime(sqlText: $0) }) { policies.reminderLocalTime = time }
        if let name = values[Key.cancellationTemplate], !name.isEmpty { policies.cancellationTemplate = name }
        if let name = values[Key.rescheduleTemplate], !name.isEmpty { policies.rescheduleTemplate = name }
        if let name = values[Key.reminderTemplate], !name.isEmpty { policies.reminderTemplate = name }
        if let name = values[Key.brandName], !name.isEmpty { policies.brandName = name }
        return policies
    }

    /// The policies in force.
    public static func current(_ database: Database) async throws -> DeskPolicies {
        try await database.transaction { session in try load(in: session) }
    }

    /// Whether `actor` may change the policies: they apply at every centre, so only a role that reaches
    /// every centre (MANAGER, ADMIN) may.
    public static func canChange(_ actor: StaffActor) -> Bool {
        var everywhere = actor
        everywhere.activeCentreID = nil
        return PermissionTable.allows(everywhere, .releaseStaleHolds)
    }

    /// Stores `policies` (MANAGER and ADMIN, whose roles reach every centre), audited.
    /// - Throws: `AccessError`, `AppointmentError.policyInvalid`.
    public static func save(_ policies: DeskPolicies, by actor: StaffActor, in database: Database) async throws {
        guard canChange(actor) else { throw AppointmentError.policiesNeedChainWideRole }
        guard policies.overbookCapPerClinicianDay >= 0 else { throw AppointmentError.policyInvalid("the overbook cap cannot be negative") }
        guard policies.staleHoldMinutes > 0 else { throw AppointmentError.policyInvalid("the stale-hold age must be at least a minute") }
        let numbers: [(String, String)] = [
            (Key.overbookCap, String(policies.overbookCapPerClinicianDay)),
            (Key.staleHoldMinutes, String(policies.staleHoldMinutes)),
            (Key.staleHoldAutoRelease, policies.staleHoldAutoRelease ? "true" : "false"),
        ]
        let texts: [(String, String)] = [
            (Key.reminderTime, String(policies.reminderLocalTime.description.prefix(5))),
            (Key.cancellationTemplate, policies.cancellationTemplate),
            (Key.rescheduleTemplate, policies.rescheduleTemplate),
            (Key.reminderTemplate, policies.reminderTemplate),
            (Key.brandName, policies.brandName),
        ]
        try await database.transaction { session in
            for (key, json) in numbers {
                try session.execute(
                    """
                    INSERT INTO settings (key, value_json) VALUES (\(key), \(json)::jsonb)
                    ON CONFLICT (key) DO UPDATE SET value_json = EXCLUDED.value_json, updated_at = now()
                    """)
            }
            for (key, text) in texts {
                try session.execute(
                    """
                    INSERT INTO settings (key, value_json) VALUES (\(key), to_jsonb(\(text)::text))
                    ON CONFLICT (key) DO UPDATE SET value_json = EXCLUDED.value_json, updated_at = now()
                    """)
            }
            try AuditLog.record(
                AuditEntry(
                    actorUserID: actor.userID, centreID: actor.activeCentreID, action: "policies.changed",
                    entityType: "settings", entityID: nil, host: actor.host,
                    detailsJSON: AuditDetailsJSON.object([
                        "overbook_cap": String(policies.overbookCapPerClinicianDay),
                        "stale_hold_minutes": String(policies.staleHoldMinutes),
                        "stale_hold_auto_release": String(policies.staleHoldAutoRelease),
                    ])),
                in: session)
        }
    }
}
