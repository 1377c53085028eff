import Foundation

/// Who is free when: the centre × day grid, one clinician's week, and the next free slots.
public struct Availability: Sendable {
    private let database: Database

    /// Availability read from `database`.
    public init(database: Database) { self.database = database }

    /// A centre's day: every clinician with rules there that weekday (or a booking that day), filtered
    /// by `specialization` when given.
    /// - Throws: `AccessError`, `AppointmentError.centreNotFound`, `DatabaseError`.
    public func dayGrid(
        for actor: StaffActor, centreID: Int64, day: LocalDate, specialization: String? = nil
    ) async throws -> DayGrid {
        try Availability.checkView(actor, centreID: centreID)
        let snapshot = try await database.transaction { session in
            try AvailabilityReader.snapshot(.init(centreID: centreID, clinicianIDs: nil, days: day...day), in: session)
        }
        return try Availability.dayGrid(from: snapshot, centreID: centreID, day: day, specialization: specialization, actor: actor)
    }

    /// The grid of a snapshot (also the benchmark's pure part).
    static func dayGrid(
        from snapshot: AvailabilitySnapshot, centreID: Int64, day: LocalDate, specialization: String?, actor: StaffActor?
    ) throws -> DayGrid {
        guard let centre = snapshot.centres[centreID] else { throw AppointmentError.centreNotFound(centreID) }
        var ids = Set(snapshot.rules.filter { $0.centreID == centreID && $0.weekday == day.weekday }.map(\.clinicianID))
        if let own = Availability.onlyOwn(actor, centreID: centreID) { ids = ids.filter { $0 == own } }
        let rows = ids.compactMap { snapshot.clinicians[$0] }
            .filter { Availability.matches($0, specialization: specialization) }
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            .map { ClinicianRow(clinician: $0, slots: SlotGenerator.slots(clinicianID: $0.id, centreID: centreID, day: day, in: snapshot)) }
        return DayGrid(centre: centre, day: day, now: snapshot.now, rows: rows)
    }

    /// One clinician's seven days from `firstDay` at a centre.
    public func clinicianWeek(
        for actor: StaffActor, clinicianID: Int64, centreID: Int64, firstDay: LocalDate
    ) async throws -> WeekGrid {
        try Availability.checkView(actor, centreID: centreID, clinicianID: clinicianID)
        let lastDay = firstDay.adding(days: 6)
        let snapshot = try await database.transaction { session in
            try AvailabilityReader.snapshot(.init(centreID: centreID, clinicianIDs: [clinicianID], days: firstDay...lastDay), in: session)
        }
        guard let centre = snapshot.centres[centreID] else { throw AppointmentError.centreNotFound(centreID) }
        guard let clinician = snapshot.clinicians[clinicianID] else { throw AppointmentError.clinicianNotFound(clinicianID) }
        let days = (0..<7).map { offset -> (day: LocalDate, slots: [Slot]) in
            let day = firstDay.adding(days: offset)
            return (day, SlotGenerator.slots(clinicianID: clinicianID, centreID: centreID, day: day, in: snapshot))
        }
        return WeekGrid(centre: centre, clinician: clinician, days: days, now: snapshot.now)
    }

    /// The first `query.limit` free slots at or after `query.after`, across clinicians, by time.
    public func nextAvailable(for actor: StaffActor, _ query: NextAvailableQuery) async throws -> [AvailableSlot] {
        if let centre = query.centreID { try Availability.checkView(actor, centreID: centre) }
        let firstDay = LocalDate(daysSinceEpoch: Int(query.after.microsecondsSinceEpoch / 86_400_000_000) - 1)
        var found: [AvailableSlot] = []
        var chunkStart = firstDay
        let horizon = firstDay.adding(days: query.horizonDays + 1)
        while found.count < query.limit && chunkStart <= horizon {
            let (from, chunkEnd) = (chunkStart, chunkStart.adding(days: 6))
            let snapshot = try await database.transaction { session in
                try AvailabilityReader.snapshot(
                    .init(centreID: query.centreID, clinicianIDs: query.clinicianID.map { [$0] }, days: from...chunkEnd),
                    in: session)
            }
            found += Availability.available(in: snapshot, query: query, days: chunkStart...chunkEnd, actor: actor)
            found = Array(found.sorted { ($0.slot.start, $0.clinician.name) < ($1.slot.start, $1.clinician.name) }.prefix(query.limit))
            chunkStart = chunkEnd.adding(days: 1)
        }
        return found
    }

    /// The patient's name on an appointment a grid cell shows: grids carry patient ids only (a busy
    /// centre-day has a thousand visits, and the desk reads one name, the selected cell's).
    /// - Throws: `AppointmentError.appointmentNotFound`, `AccessError`, `DatabaseError`.
    public func patientName(appointmentID: Int64, for actor: StaffActor) async throws -> String {
        let rows = try await database.query(
            """
            SELECT a.centre_id, a.clinician_id, coalesce(u.full_name, '?') AS name
            FROM appointments a LEFT JOIN patient_profiles pp ON pp.id = a.patient_id LEFT JOIN users u ON u.id = pp.user_id
            WHERE a.id = \(appointmentID)
            """)
        guard let row = rows.first else { throw AppointmentError.appointmentNotFound(appointmentID) }
        try Availability.checkView(actor, centreID: try row.decode("centre_id"), clinicianID: try row.decode("clinician_id"))
        return try row.decode("name")
    }

    // MARK: - Rules

    static func available(
        in snapshot: AvailabilitySnapshot, query: NextAvailableQuery, days: ClosedRange<LocalDate>, actor: StaffActor
    ) -> [AvailableSlot] {
        var result: [AvailableSlot] = []
        let pairs = Set(snapshot.rules.map { [$0.clinicianID, $0.centreID] })
        for pair in pairs {
            let (clinicianID, centreID) = (pair[0], pair[1])
            guard let clinician = snapshot.clinicians[clinicianID], let centre = snapshot.centres[centreID],
                PermissionTable.allows(actor, .viewDaySchedule, centreID: centreID),
                matches(clinician, specialization: query.specialization),
                clinician.visitMinutes >= (query.minimumMinutes ?? 0)
            else { continue }
            var day = days.lowerBound
            while day <= days.upperBound {
                for slot in SlotGenerator.slots(clinicianID: clinicianID, centreID: centreID, day: day, in: snapshot)
                where slot.isBookable && slot.start >= query.after && (query.mode == nil || slot.mode == query.mode) {
                    result.append(AvailableSlot(slot: slot, clinician: clinician, centre: centre))
                }
                day = day.adding(days: 1)
            }
        }
        return result
    }

    static func matches(_ clinician: ClinicianInfo, specialization: String?) -> Bool {
        guard let wanted = specialization?.trimmingCharacters(in: .whitespaces).lowercased(), !wanted.isEmpty else { return true }
        return clinician.specializations.contains { $0.lowercased().contains(wanted) }
    }

    static func checkView(_ actor: StaffActor, centreID: Int64, clinicianID: Int64? = nil) throws {
        if PermissionTable.allows(actor, .viewDaySchedule, centreID: centreID) { return }
        if actor.roles.contains(.clinician), let own = actor.clinicianID, clinicianID == nil || clinicianID == own { return }
        try PermissionTable.check(actor, .viewDaySchedule, centreID: centreID)
    }

    /// A clinician who may not see the centre's day sees only their own row.
    static func onlyOwn(_ actor: StaffActor?, centreID: Int64) -> Int64? {
        guard let actor, !PermissionTable.allows(actor, .viewDaySchedule, centreID: centreID) else { return nil }
        return actor.clinicianID ?? -1
    }
}
