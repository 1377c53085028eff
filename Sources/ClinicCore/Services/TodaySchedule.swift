import Foundation

/// A centre's appointments of one local day, as the Today screen lists them.
///
/// The day runs from local midnight to local midnight in the centre's time zone (`centres.timezone`;
/// India for an unknown zone, as the database's `desk_local_day` does), so a visit at 00:15 IST
/// belongs to that day, not to the UTC day before. Clinical notes are never read here.
public struct TodaySchedule: Sendable {
    private let database: Database

    /// The schedule reader of `database`.
    public init(database: Database) { self.database = database }

    /// The appointments starting on `day` at `centreID`, by start time.
    ///
    /// Staff who may see the centre's day schedule get every active appointment (cancelled ones
    /// included, with their status); a clinician gets only their own.
    /// - Throws: `AccessError` when the actor may not see this centre's schedule, `ScheduleError.unknownCentre`,
    ///   or a `DatabaseError`.
    public func appointments(for actor: StaffActor, centreID: Int64, day: LocalDate) async throws -> [ScheduleEntry] {
        let onlyClinician = try TodaySchedule.clinicianFilter(for: actor, centreID: centreID)
        let zone = try await centreZone(centreID)
        let (start, end) = (zone.startOfDay(day), zone.startOfDay(day.adding(days: 1)))
        let rows = try await database.query(
            """
            SELECT a.id, a.scheduled_start_at, a.scheduled_end_at, a.status, a.appointment_type, a.source,
                   a.patient_id, pu.full_name AS patient_name, pu.phone AS patient_phone,
                   a.clinician_id, cu.full_name AS clinician_name, a.desk_queue_token, a.desk_overbook_reason,
                   a.desk_checked_in_at, a.cancellation_reason,
                   (SELECT l.kind FROM desk_leaves l
                    WHERE l.lifted_at IS NULL AND \(day)::date BETWEEN l.first_day AND l.last_day
                      AND ((l.kind = 'LEAVE' AND l.clinician_id = a.clinician_id) OR (l.kind = 'HOLIDAY' AND l.centre_id = a.centre_id))
                    ORDER BY CASE l.kind WHEN 'LEAVE' THEN 0 ELSE 1 END LIMIT 1) AS leave_kind,
                   CASE WHEN settled.status = 'REFUNDED' THEN 'refunded'
                        WHEN settled.status = 'SUCCESS' THEN 'paid'
                        WHEN EXISTS (SELECT 1 FROM payments p
                                     WHERE p.appointment_id = a.id AND p.status IN ('CREATED', 'PENDING')
                                       AND (p.payment_link_id IS NOT NULL OR p.payment_link_url IS NOT NULL
                                            OR p.order_id LIKE 'plink\\_%')) THEN 'linkSent'
                        ELSE 'unpaid' END AS payment_state
            FROM appointments a
            JOIN patient_profiles pp ON pp.id = a.patient_id
            JOIN users pu ON pu.id = pp.user_id
            JOIN clinician_profiles cp ON cp.id = a.clinician_id
            JOIN users cu ON cu.id = cp.user_id
            LEFT JOIN LATERAL (
                SELECT p.status FROM payments p
                WHERE p.appointment_id = a.id AND p.status IN ('SUCCESS', 'REFUNDED')
                ORDER BY p.updated_at DESC, p.id DESC
                LIMIT 1
            ) settled ON TRUE
            WHERE a.centre_id = \(centreID) AND a.is_active = TRUE
              AND a.scheduled_start_at >= \(start) AND a.scheduled_start_at < \(end)
              AND (\(onlyClinician)::bigint IS NULL OR a.clinician_id = \(onlyClinician))
            ORDER BY a.scheduled_start_at, a.id
            """)
        return try rows.map { row in
            let start: Instant = try row.decode("scheduled_start_at")
            let offset = zone.offsetSeconds(at: start)
            guard let payment = PaymentState(rawValue: try row.decode("payment_state")) else {
                throw DatabaseError.decodingFailed(column: "payment_state", expected: "payment state")
            }
            return ScheduleEntry(
                appointmentID: try row.decode("id"), start: start, end: try row.decode("scheduled_end_at"),
                localStart: start.local(offsetSeconds: offset).time,
                patientName: try row.decode("patient_name"), patientPhone: try row.decode("patient_phone"),
                patientID: try row.decode("patient_id"), clinicianName: try row.decode("clinician_name"),
                clinicianID: try row.decode("clinician_id"), status: try row.decode("status"),
                paymentState: payment, type: try row.decode("appointment_type"),
                source: try row.decode("source"), checkedInAt: try row.decode("desk_checked_in_at"),
                queueToken: try row.decode("desk_queue_token"), overbookReason: try row.decode("desk_overbook_reason"),
                cancellationReason: try row.decode("cancellation_reason"),
                awayBecause: (try row.decode("leave_kind", as: String?.self)).flatMap(LeaveSummary.Kind.init(rawValue:)))
        }
    }

    /// The centre's local date now (by the database's clock), its time zone name and current UTC offset.
    /// - Throws: `ScheduleError.unknownCentre` or a `DatabaseError`.
    public func centreDay(centreID: Int64) async throws -> (today: LocalDate, zone: String, offsetSeconds: Int) {
        let rows = try await database.query("SELECT timezone, now() AS now FROM centres WHERE id = \(centreID)")
        guard let row = rows.first else { throw ScheduleError.unknownCentre(centreID) }
        let name: String = try row.decode("timezone")
        let now: Instant = try row.decode("now")
        let zone = CentreZone(named: name)
        let offset = zone.offsetSeconds(at: now)
        return (now.local(offsetSeconds: offset).date, zone.zone.identifier, offset)
    }

    // MARK: - Private

    /// nil: the whole centre; a clinician id: only that clinician's appointments.
    private static func clinicianFilter(for actor: StaffActor, centreID: Int64) throws -> Int64? {
        if PermissionTable.allows(actor, .viewDaySchedule, centreID: centreID) { return nil }
        if actor.roles.contains(.clinician) {
            try PermissionTable.check(actor, .viewOwnSchedule, clinicianID: actor.clinicianID)
            return actor.clinicianID
        }
        try PermissionTable.check(actor, .viewDaySchedule, centreID: centreID)
        return nil
    }

    private func centreZone(_ centreID: Int64) async throws -> CentreZone {
        let rows = try await database.query("SELECT timezone FROM centres WHERE id = \(centreID)")
        guard let row = rows.first else { throw ScheduleError.unknownCentre(centreID) }
        return CentreZone(named: try row.decode("timezone"))
    }
}

/// One appointment on the day schedule; no clinical notes.
public struct ScheduleEntry: Sendable, Equatable {
    /// `appointments.id`.
    public var appointmentID: Int64
    /// When it starts.
    public var start: Instant
    /// When it ends.
    public var end: Instant
    /// The start on the centre's wall clock.
    public var localStart: LocalTime
    /// The patient's `users.full_name`.
    public var patientName: String
    /// The patient's phone as stored (10 digits or `91` + 10).
    public var patientPhone: String?
    /// `patient_profiles.id`.
    public var patientID: Int64
    /// The clinician's `users.full_name`.
    public var clinicianName: String
    /// `clinician_profiles.id`.
    public var clinicianID: Int64
    /// The web's status (`BOOKED`, `CONFIRMED`, `CANCELLED`, …).
    public var status: String
    /// Whether it is paid, awaiting a payment link, unpaid or refunded.
    public var paymentState: PaymentState
    /// `appointments.appointment_type` (`IN_PERSON`, `ONLINE`, …).
    public var type: String
    /// `appointments.source` (`WEB_PATIENT`, `ADMIN_FRONT_DESK`, …).
    public var source: String
    /// When the patient checked in at the desk.
    public var checkedInAt: Instant?
    /// The walk-in queue token given at check-in.
    public var queueToken: Int?
    /// Set for a manager's overbook.
    public var overbookReason: String?
    /// The reason given with a cancellation or a patient's cancellation request.
    public var cancellationReason: String?
    /// Set when the clinician is on leave or the centre closed that day (a visit kept or not yet decided).
    public var awayBecause: LeaveSummary.Kind?

    /// An entry as read from the database.
    public init(
        appointmentID: Int64, start: Instant, end: Instant, localStart: LocalTime, patientName: String,
        patientPhone: String?, patientID: Int64, clinicianName: String, clinicianID: Int64, status: String,
        paymentState: PaymentState, type: String, source: String, checkedInAt: Instant? = nil, queueToken: Int? = nil,
        overbookReason: String? = nil, cancellationReason: String? = nil, awayBecause: LeaveSummary.Kind? = nil
    ) {
        self.appointmentID = appointmentID
        self.start = start
        self.end = end
        self.localStart = localStart
        self.patientName = patientName
        self.patientPhone = patientPhone
        self.patientID = patientID
        self.clinicianName = clinicianName
        self.clinicianID = clinicianID
        self.status = status
        self.paymentState = paymentState
        self.type = type
        self.source = source
        self.checkedInAt = checkedInAt
        self.queueToken = queueToken
        self.overbookReason = overbookReason
        self.cancellationReason = cancellationReason
        self.awayBecause = awayBecause
    }
}

/// An appointment's payment at a glance, from its `payments` rows.
public enum PaymentState: String, Sendable, CaseIterable {
    /// The latest settled payment row is SUCCESS.
    case paid
    /// No successful payment yet, but a payment link is waiting (CREATED or PENDING link row).
    case linkSent
    /// Nothing paid and no link out.
    case unpaid
    /// The latest settled payment row is REFUNDED.
    case refunded
}

/// Why a schedule could not be read.
public enum ScheduleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No centre has this id.
    case unknownCentre(Int64)

    public var description: String {
        switch self {
        case .unknownCentre(let id): return "There is no centre with id \(id)."
        }
    }
}
