/// Generates a clinician's slots from a snapshot: the one function behind the grids, "next free",
/// and the booking check, so what is listed free is exactly what books.
///
/// Slots step by the rule's `slot_duration_minutes` from its start in the centre's wall clock while the
/// slot ends by the rule's end (the web's generator). A slot is free only when a whole visit of the
/// clinician's length starting there ends inside the window, overlaps no appointment that holds the
/// clinician's time (at any centre), no block or old exception at this centre, and has not started.
public enum SlotGenerator {
    /// The slots of `clinicianID` at `centreID` on the local `day`, by start.
    public static func slots(
        clinicianID: Int64, centreID: Int64, day: LocalDate, in snapshot: AvailabilitySnapshot
    ) -> [Slot] {
        guard let centre = snapshot.centres[centreID], let clinician = snapshot.clinicians[clinicianID] else { return [] }
        let zone = centre.zone
        let items = snapshot.items(of: clinicianID)
        let rules = items.rules
            .filter { $0.centreID == centreID && $0.weekday == day.weekday }
            .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        guard !rules.isEmpty else { return [] }
        let appointments = items.appointments
        let occupancy = appointments.enumerated().map { index, appointment in
            Occupancy(
                start: appointment.start, end: appointment.end, holdsSlot: appointment.holdsSlot,
                isOverbookHere: appointment.overbookReason != nil && appointment.centreID == centreID, index: index)
        }
        let blocks = items.blocks.filter { $0.centreID == centreID }.map { Span(start: $0.start, end: $0.end) }
        var slots: [Slot] = []
        var seen = Set<SlotKey>()
        let dayOffset = zone.fixedOffset(on: day)
        // Midnight of `day` as if the centre were at UTC; a slot starts its minutes later, less the offset.
        let wallMidnight = Instant(date: day, time: LocalTime(hour: 0, minute: 0), offsetSeconds: 0)
        // Only two rules on one day can list the same start twice.
        let overlappingRules = rules.count > 1
        for rule in rules where rule.slotMinutes > 0 {
            let windowEnd = endInstant(of: rule, on: day, zone: zone)
            for minutes in rule.slotStartMinutes {
                let time = LocalTime(hour: minutes / 60, minute: minutes % 60)
                let fixedStart = dayOffset.map { wallMidnight.adding(seconds: Int64(minutes * 60 - $0)) }
                guard let start = fixedStart ?? zone.instant(day, time),
                    !overlappingRules || seen.insert(SlotKey(start: start, mode: rule.mode)).inserted
                else { continue }
                let slotEnd = start.adding(minutes: rule.slotMinutes)
                let visitEnd = start.adding(minutes: clinician.visitMinutes)
                var slot = Slot(
                    clinicianID: clinicianID, centreID: centreID, start: start, end: slotEnd, localDate: day,
                    localTime: time, mode: rule.mode, state: .free)
                // What the cell shows: the first visit holding the time, else the first in the cell at all.
                var firstInCell: Int?
                var firstHolding: Int?
                for visit in occupancy where visit.start < slotEnd && visit.end > start {
                    if firstInCell == nil { firstInCell = visit.index }
                    if firstHolding == nil && visit.holdsSlot { firstHolding = visit.index }
                    if visit.isOverbookHere { slot.hasOverbook = true }
                }
                let blockEnd = max(slotEnd, visitEnd)
                let free = Free(start: start, visitEnd: visitEnd, windowEnd: windowEnd, blockEnd: blockEnd, now: snapshot.now)
                if let shownIndex = firstHolding ?? firstInCell {
                    let shown = appointments[shownIndex]
                    slot.appointment = shown
                    slot.state = shown.centreID == centreID ? state(of: shown) : .busyElsewhere
                    if !shown.holdsSlot && shown.centreID == centreID {
                        slot.state = free.state(occupancy, blocks)
                    }
                } else {
                    slot.state = free.state(occupancy, blocks)
                }
                slots.append(slot)
            }
        }
        return slots.sorted { $0.start < $1.start }
    }

    /// Whether a visit of the clinician at `centreID` may start at `start`: the listed free slot there,
    /// or nil when none is listed.
    public static func bookableSlot(
        clinicianID: Int64, centreID: Int64, start: Instant, in snapshot: AvailabilitySnapshot
    ) -> Slot? {
        guard let centre = snapshot.centres[centreID] else { return nil }
        let day = centre.zone.local(start).date
        return slots(clinicianID: clinicianID, centreID: centreID, day: day, in: snapshot)
            .first { $0.start == start && $0.isBookable }
    }

    // MARK: - Private

    private struct SlotKey: Hashable {
        var start: Instant
        var mode: ConsultationMode
    }

    /// An appointment reduced to what the per-slot checks compare (no strings to copy in the loops).
    private struct Occupancy {
        var start: Instant
        var end: Instant
        var holdsSlot: Bool
        var isOverbookHere: Bool
        /// Its position in the clinician's appointments.
        var index: Int
    }

    private struct Span {
        var start: Instant
        var end: Instant
    }

    /// The state of a cell with no appointment that holds it.
    private struct Free {
        var start: Instant
        var visitEnd: Instant
        var windowEnd: Instant
        var blockEnd: Instant
        var now: Instant

        func state(_ occupancy: [Occupancy], _ blocks: [Span]) -> SlotState {
            if blocks.contains(where: { $0.start < blockEnd && $0.end > start }) { return .blocked }
            if start < now { return .past }
            if visitEnd > windowEnd { return .tooShort }
            if occupancy.contains(where: { $0.holdsSlot && $0.start < visitEnd && $0.end > start }) { return .tooShort }
            return .free
        }
    }

    /// What an appointment at this centre makes the cell show.
    static func state(of appointment: BusyAppointment) -> SlotState {
        switch appointment.status.effective(paid: appointment.paid) {
        case .inProgress: return .inSession
        case .completed: return .completed
        default:
            if appointment.checkedIn { return .checkedIn }
            return appointment.paid ? .paid : .bookedUnpaid
        }
    }

    /// The rule's end on `day` as an instant (24:00 is the next midnight; a skipped end time falls back
    /// to the offset at the window's start).
    private static func endInstant(of rule: AvailabilityRule, on day: LocalDate, zone: CentreZone) -> Instant {
        if rule.end.hour >= 24 { return zone.startOfDay(day.adding(days: 1)) }
        if let end = zone.instant(day, rule.end) { return end }
        let startOffset = zone.offsetSeconds(at: zone.startOfDay(day))
        return Instant(date: day, time: rule.end, offsetSeconds: startOffset)
    }
}
