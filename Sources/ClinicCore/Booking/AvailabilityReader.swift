import Foundation

/// Reads an `AvailabilitySnapshot` with six queries, inside a caller's session (so booking checks and
/// writes see the same data in one transaction).
enum AvailabilityReader {
    /// What to read: one centre's clinicians or some clinicians anywhere, over local days.
    struct Scope {
        var centreID: Int64?
        var clinicianIDs: [Int64]?
        var days: ClosedRange<LocalDate>
    }

    static func snapshot(_ scope: Scope, in session: DatabaseSession) throws -> AvailabilitySnapshot {
        var now = Instant(microsecondsSinceEpoch: 0)
        var centres: [Int64: CentreInfo] = [:]
        for row in try session.query("SELECT id, name, timezone, now() AS now FROM centres") {
            now = try row.decode("now")
            let centre = CentreInfo(id: try row.decode("id"), name: try row.decode("name"), timezoneName: try row.decode("timezone"))
            centres[centre.id] = centre
        }
        let clinicianFilter: [Int64]? = scope.clinicianIDs
        let rules = try session.query(
            """
            SELECT r.id, r.clinician_id, r.centre_id, r.day_of_week, r.start_time, r.end_time,
                   r.slot_duration_minutes, r.mode
            FROM clinician_availability_rules r
            JOIN clinician_profiles cp ON cp.id = r.clinician_id AND cp.is_active
            JOIN centres c ON c.id = r.centre_id AND c.is_active
            WHERE r.is_active
              AND (\(scope.centreID)::bigint IS NULL OR r.centre_id = \(scope.centreID))
              AND (\(clinicianFilter)::bigint[] IS NULL OR r.clinician_id = ANY(\(clinicianFilter)::bigint[]))
            """
        ).compactMap(rule)
        let clinicianIDs = Array(Set(rules.map(\.clinicianID) + (clinicianFilter ?? []))).sorted()
        var clinicians: [Int64: ClinicianInfo] = [:]
        for row in try session.query(
            """
            SELECT cp.id, cp.user_id, coalesce((SELECT u.full_name FROM users u WHERE u.id = cp.user_id), '?') AS full_name,
                   cp.default_consultation_duration_minutes AS minutes,
                   cp.consultation_fee, coalesce(cp.specialization::text, '[]') AS specialization
            FROM clinician_profiles cp
            WHERE cp.id = ANY(\(clinicianIDs)::bigint[]) AND cp.is_active
            """)
        {
            let info = ClinicianInfo(
                id: try row.decode("id"), userID: try row.decode("user_id"), name: try row.decode("full_name"),
                visitMinutes: try row.decode("minutes"), storedFee: try row.decode("consultation_fee"),
                specializations: jsonStrings(try row.decode("specialization")))
            clinicians[info.id] = info
        }
        // A day either side: a centre's local day spans two UTC days, and blocks are stored by local date.
        let firstDay = scope.days.lowerBound.adding(days: -1)
        let lastDay = scope.days.upperBound.adding(days: 1)
        var blocks: [BlockedInterval] = []
        for row in try session.query(
            """
            SELECT id, clinician_id, centre_id, blocked_date AS day, start_time, end_time, reason, 'block' AS kind
            FROM blocked_slots
            WHERE is_blocked AND clinician_id = ANY(\(clinicianIDs)::bigint[])
              AND blocked_date BETWEEN \(firstDay) AND \(lastDay)
            UNION ALL
            SELECT id, clinician_id, centre_id, exception_date, start_time, end_time, reason, 'exception'
            FROM clinician_slot_exceptions
            WHERE clinician_id = ANY(\(clinicianIDs)::bigint[])
              AND exception_date BETWEEN \(firstDay) AND \(lastDay)
            """)
        {
            let centreID: Int64 = try row.decode("centre_id")
            let zone = centres[centreID]?.zone ?? CentreZone(named: "Asia/Kolkata")
            let day: LocalDate = try row.decode("day")
            let startTime: LocalTime = try row.decode("start_time")
            let endTime: LocalTime = try row.decode("end_time")
            let start =
                zone.instant(day, startTime)
                ?? Instant(date: day, time: startTime, offsetSeconds: zone.offsetSeconds(at: zone.startOfDay(day)))
            let end =
                endTime.hour >= 24
                ? zone.startOfDay(day.adding(days: 1))
                : (zone.instant(day, endTime) ?? start.adding(minutes: endTime.minutesSinceMidnight - startTime.minutesSinceMidnight))
            let id: Int64 = try row.decode("id")
            let kind: String = try row.decode("kind")
            blocks.append(
                BlockedInterval(
                    clinicianID: try row.decode("clinician_id"), centreID: centreID, start: start, end: end,
                    reason: try row.decode("reason"), source: kind == "block" ? .blockedSlot(id: id) : .slotException(id: id)))
        }
        let rangeStart = Instant(date: firstDay, time: LocalTime(hour: 0, minute: 0), offsetSeconds: 14 * 3600)
        let rangeEnd = Instant(date: lastDay.adding(days: 1), time: LocalTime(hour: 0, minute: 0), offsetSeconds: -12 * 3600)
        let appointments = try session.query(
            """
            SELECT a.id, a.clinician_id, a.centre_id, a.patient_id,
                   coalesce((SELECT pu.full_name FROM patient_profiles pp JOIN users pu ON pu.id = pp.user_id
                             WHERE pp.id = a.patient_id), '?') AS patient_name,
                   a.scheduled_start_at, a.scheduled_end_at, a.status, a.desk_overbook_reason,
                   a.desk_checked_in_at IS NOT NULL AS checked_in,
                   EXISTS (SELECT 1 FROM payments p WHERE p.appointment_id = a.id AND p.status = 'SUCCESS') AS paid
            FROM appointments a
            WHERE a.clinician_id = ANY(\(clinicianIDs)::bigint[]) AND a.is_active
              AND a.status NOT IN ('CANCELLED', 'CANCELLED_BY_ADMIN', 'NO_SHOW')
              AND a.scheduled_start_at < \(rangeEnd) AND a.scheduled_end_at > \(rangeStart)
            """
        ).map(busyAppointment)
        return AvailabilitySnapshot(
            now: now, centres: centres, clinicians: clinicians, rules: rules, blocks: blocks, appointments: appointments)
    }

    static func busyAppointment(_ row: Row) throws -> BusyAppointment {
        let statusText: String = try row.decode("status")
        return BusyAppointment(
            id: try row.decode("id"), clinicianID: try row.decode("clinician_id"), centreID: try row.decode("centre_id"),
            patientID: try row.decode("patient_id"), patientName: try row.decode("patient_name"),
            start: try row.decode("scheduled_start_at"), end: try row.decode("scheduled_end_at"),
            status: AppointmentStatus(rawValue: statusText) ?? .booked, paid: try row.decode("paid"),
            checkedIn: try row.decode("checked_in"), overbookReason: try row.decode("desk_overbook_reason"))
    }

    private static func rule(_ row: Row) throws -> AvailabilityRule? {
        guard let mode = ConsultationMode(rawValue: try row.decode("mode")) else { return nil }
        return AvailabilityRule(
            id: try row.decode("id"), clinicianID: try row.decode("clinician_id"), centreID: try row.decode("centre_id"),
            weekday: try row.decode("day_of_week"), start: try row.decode("start_time"), end: try row.decode("end_time"),
            slotMinutes: try row.decode("slot_duration_minutes"), mode: mode)
    }

    /// The strings of a jsonb array (`["Psychiatry"]`); a bare string from older rows counts as one.
    static func jsonStrings(_ text: String) -> [String] {
        guard let data = text.data(using: .utf8), let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else {
            return []
        }
        if let array = value as? [Any] { return array.compactMap { $0 as? String } }
        if let single = value as? String { return [single] }
        return []
    }
}
