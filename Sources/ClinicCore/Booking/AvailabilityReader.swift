import Foundation

/// Reads an `AvailabilitySnapshot` in one round trip (five statements pipelined), inside a caller's
/// session, so booking checks and writes see the same data in one transaction.
///
/// Each scope has its own statement text with no `$1 IS NULL OR …` branches, so PostgreSQL can keep
/// one generic plan per statement instead of planning every call.
enum AvailabilityReader {
    /// What to read: one centre's clinicians or some clinicians anywhere, over days as the centres'
    /// clocks show them (a caller holding a UTC instant passes the days either side too).
    struct Scope {
        var centreID: Int64?
        var clinicianIDs: [Int64]?
        var days: ClosedRange<LocalDate>
    }

    static func snapshot(_ scope: Scope, in session: DatabaseSession) throws -> AvailabilitySnapshot {
        let results = try session.queryBatch(statements(scope))
        var now = Instant(microsecondsSinceEpoch: 0)
        var centres: [Int64: CentreInfo] = [:]
        for row in results[1] {
            now = try row.decode(at: 0)
            guard let id: Int64 = try row.decode(at: 1) else { continue }
            centres[id] = CentreInfo(id: id, name: try row.decode(at: 2), timezoneName: try row.decode(at: 3))
        }
        let rules = try results[2].compactMap(rule)
        var clinicians: [Int64: ClinicianInfo] = [:]
        for row in results[3] {
            let info = ClinicianInfo(
                id: try row.decode(at: 0), userID: try row.decode(at: 1), name: try row.decode(at: 2), visitMinutes: try row.decode(at: 3),
                storedFee: try row.decode(at: 4), specializations: jsonStrings(try row.decode(at: 5)))
            clinicians[info.id] = info
        }
        let blocks = try results[4].map { try block($0, centres: centres) }
        let appointments = try results[5].map(busyAppointment)
        return AvailabilitySnapshot(
            now: now, centres: centres, clinicians: clinicians, rules: rules, blocks: blocks, appointments: appointments)
    }

    /// The statements of one read, in the order `snapshot` decodes them (also the benchmark's raw path).
    static func statements(_ scope: Scope) -> [SQLQuery] {
        // Blocks a day either side: a visit late in the evening runs into the next local day.
        let firstDay = scope.days.lowerBound.adding(days: -1)
        let lastDay = scope.days.upperBound.adding(days: 1)
        // The days in every zone from UTC+14 to UTC-12, and a day more for visits running past midnight.
        let rangeStart = Instant(date: scope.days.lowerBound, time: LocalTime(hour: 0, minute: 0), offsetSeconds: 14 * 3600)
        let rangeEnd = Instant(date: lastDay.adding(days: 1), time: LocalTime(hour: 0, minute: 0), offsetSeconds: -12 * 3600)
        return [
            // The reads are planned once per connection (their generic plans are good; planning each call
            // cost more than running them). LOCAL: the setting ends with the transaction.
            "SET LOCAL plan_cache_mode = force_generic_plan",
            centresQuery(scope),
            rulesQuery(scope),
            cliniciansQuery(scope),
            blocksQuery(scope, from: firstDay, to: lastDay),
            appointmentsQuery(scope, from: rangeStart, to: rangeEnd),
            // The caller's own statements after the read (a booking's INSERT…) plan as usual.
            "SET LOCAL plan_cache_mode = DEFAULT",
        ]
    }

    // MARK: - Statements (positional columns: the decoders below follow the select lists)

    /// One row even when no centre matches, so the database clock is always read.
    private static func centresQuery(_ scope: Scope) -> SQLQuery {
        var text = SQLBuilder()
        let centre = scope.centreID.map { "c.id = \(text.bind($0))" } ?? "true"
        text.sql = "SELECT now(), c.id, c.name, c.timezone FROM (VALUES (1)) AS one (n) LEFT JOIN centres c ON \(centre)"
        return text.query
    }

    private static func rulesQuery(_ scope: Scope) -> SQLQuery {
        var text = SQLBuilder()
        let who = text.clinicians(scope, column: "r.clinician_id")
        let centre = scope.centreID.map { " AND r.centre_id = \(text.bind($0))" } ?? ""
        let dayCount = scope.days.upperBound.daysSinceEpoch - scope.days.lowerBound.daysSinceEpoch + 1
        let weekdays = Set((0..<min(7, dayCount)).map { Int64(scope.days.lowerBound.adding(days: $0).weekday) })
        let weekdayList = text.bind(weekdays.sorted())
        text.sql = """
            SELECT r.id, r.clinician_id, r.centre_id, r.day_of_week, r.start_time, r.end_time, r.slot_duration_minutes, r.mode
            FROM clinician_availability_rules r
            JOIN clinician_profiles cp ON cp.id = r.clinician_id AND cp.is_active
            JOIN centres c ON c.id = r.centre_id AND c.is_active
            WHERE r.is_active AND \(who)\(centre) AND r.day_of_week = ANY(\(weekdayList)::int[])
            """
        return text.query
    }

    private static func cliniciansQuery(_ scope: Scope) -> SQLQuery {
        var text = SQLBuilder()
        let who = text.clinicians(scope, column: "cp.id")
        text.sql = """
            SELECT cp.id, cp.user_id, coalesce(u.full_name, '?'), cp.default_consultation_duration_minutes,
                   cp.consultation_fee, coalesce(cp.specialization::text, '[]')
            FROM clinician_profiles cp LEFT JOIN users u ON u.id = cp.user_id
            WHERE cp.is_active AND \(who)
            """
        return text.query
    }

    private static func blocksQuery(_ scope: Scope, from firstDay: LocalDate, to lastDay: LocalDate) -> SQLQuery {
        var text = SQLBuilder()
        let blockWho = text.clinicians(scope, column: "clinician_id")
        let exceptionWho = text.clinicians(scope, column: "clinician_id")
        let (from, to) = (text.bind(firstDay), text.bind(lastDay))
        let centre = scope.centreID.map { " AND centre_id = \(text.bind($0))" } ?? ""
        text.sql = """
            SELECT id, clinician_id, centre_id, blocked_date, start_time, end_time, reason, true
            FROM blocked_slots
            WHERE is_blocked AND \(blockWho)\(centre) AND blocked_date BETWEEN \(from) AND \(to)
            UNION ALL
            SELECT id, clinician_id, centre_id, exception_date, start_time, end_time, reason, false
            FROM clinician_slot_exceptions
            WHERE \(exceptionWho)\(centre) AND exception_date BETWEEN \(from) AND \(to)
            """
        return text.query
    }

    /// Appointments that overlap the range. The lower bound on the start lets the (clinician, start)
    /// index do the work (a visit is never a day long). "Paid" is one index probe per visit: an
    /// `EXISTS` here was planned as a hash of every successful payment, which grows with the table.
    private static func appointmentsQuery(_ scope: Scope, from rangeStart: Instant, to rangeEnd: Instant) -> SQLQuery {
        var text = SQLBuilder()
        let who = text.clinicians(scope, column: "a.clinician_id")
        let (from, to, earliest) = (text.bind(rangeStart), text.bind(rangeEnd), text.bind(rangeStart.adding(minutes: -24 * 60)))
        text.sql = """
            SELECT a.id, a.clinician_id, a.centre_id, a.patient_id, a.scheduled_start_at, a.scheduled_end_at, a.status,
                   a.desk_overbook_reason, a.desk_checked_in_at IS NOT NULL, paid.yes IS NOT NULL
            FROM appointments a
            LEFT JOIN LATERAL (
                SELECT true AS yes FROM payments p WHERE p.appointment_id = a.id AND p.status = 'SUCCESS' LIMIT 1
            ) paid ON true
            WHERE \(who) AND a.is_active AND a.status NOT IN ('CANCELLED', 'CANCELLED_BY_ADMIN', 'NO_SHOW')
              AND a.scheduled_start_at < \(to) AND a.scheduled_start_at > \(earliest) AND a.scheduled_end_at > \(from)
            """
        return text.query
    }

    // MARK: - Rows

    static func busyAppointment(_ row: Row) throws -> BusyAppointment {
        let statusText: String = try row.decode(at: 6)
        return BusyAppointment(
            id: try row.decode(at: 0), clinicianID: try row.decode(at: 1), centreID: try row.decode(at: 2),
            patientID: try row.decode(at: 3), start: try row.decode(at: 4), end: try row.decode(at: 5),
            status: AppointmentStatus(rawValue: statusText) ?? .booked, paid: try row.decode(at: 9),
            checkedIn: try row.decode(at: 8), overbookReason: try row.decode(at: 7))
    }

    private static func rule(_ row: Row) throws -> AvailabilityRule? {
        guard let mode = ConsultationMode(rawValue: try row.decode(at: 7)) else { return nil }
        return AvailabilityRule(
            id: try row.decode(at: 0), clinicianID: try row.decode(at: 1), centreID: try row.decode(at: 2),
            weekday: try row.decode(at: 3), start: try row.decode(at: 4), end: try row.decode(at: 5),
            slotMinutes: try row.decode(at: 6), mode: mode)
    }

    /// A block or old exception as instants in its centre's zone (24:00 is the next midnight; a time
    /// skipped by daylight saving falls back to the offset at the start of the day).
    private static func block(_ row: Row, centres: [Int64: CentreInfo]) throws -> BlockedInterval {
        let centreID: Int64 = try row.decode(at: 2)
        let zone = centres[centreID]?.zone ?? CentreZone(named: "Asia/Kolkata")
        let day: LocalDate = try row.decode(at: 3)
        let startTime: LocalTime = try row.decode(at: 4)
        let endTime: LocalTime = try row.decode(at: 5)
        let start =
            zone.instant(day, startTime)
            ?? Instant(date: day, time: startTime, offsetSeconds: zone.offsetSeconds(at: zone.startOfDay(day)))
        let end =
            endTime.hour >= 24
            ? zone.startOfDay(day.adding(days: 1))
            : (zone.instant(day, endTime) ?? start.adding(minutes: endTime.minutesSinceMidnight - startTime.minutesSinceMidnight))
        let id: Int64 = try row.decode(at: 0)
        let isBlock: Bool = try row.decode(at: 7)
        return BlockedInterval(
            clinicianID: try row.decode(at: 1), centreID: centreID, start: start, end: end, reason: try row.decode(at: 6),
            source: isBlock ? .blockedSlot(id: id) : .slotException(id: id))
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

extension SQLBuilder {
    /// "Which clinicians" of a scope: the ones named, else those with active hours at the centre, else
    /// all with active hours.
    fileprivate mutating func clinicians(_ scope: AvailabilityReader.Scope, column: String) -> String {
        if let ids = scope.clinicianIDs { return "\(column) = ANY(\(bind(ids))::bigint[])" }
        if let centre = scope.centreID {
            return "\(column) IN (SELECT clinician_id FROM clinician_availability_rules WHERE is_active AND centre_id = \(bind(centre)))"
        }
        return "\(column) IN (SELECT clinician_id FROM clinician_availability_rules WHERE is_active)"
    }
}
