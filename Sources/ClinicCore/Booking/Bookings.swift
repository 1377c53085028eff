import Foundation

/// Booking, walk-ins and rescheduling on the web's `appointments` table. The exclusion constraint
/// has the last word on overlaps; the slot check in front of it is `SlotGenerator`, the same one the
/// grids list from.
public struct Bookings: Sendable {
    let database: Database

    /// Bookings on `database`.
    public init(database: Database) { self.database = database }

    /// Books `request` for its patient: status BOOKED until paid, the clinician's visit length, `source`
    /// from the staff role, `booked_by_user_id` the staff member; history, audit and a confirmation.
    /// - Throws: `AccessError`, `BookingError.slotTaken`, `AppointmentError`, `DatabaseError`.
    public func book(_ request: BookingRequest, by actor: StaffActor) async throws -> BookingReceipt {
        try PermissionTable.check(actor, .bookAppointment, centreID: request.centreID)
        var overbookReason: String?
        if let reason = request.overbookReason {
            try PermissionTable.check(actor, .overbook, centreID: request.centreID)
            overbookReason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard overbookReason?.isEmpty == false else { throw AppointmentError.reasonRequired("for the overbook") }
        }
        let source = BookingSource.forStaff(actor, centreID: request.centreID)
        let reason = overbookReason
        return try await database.transaction { session in
            try Bookings.book(request, overbookReason: reason, source: source, actor: actor, in: session)
        }
    }

    /// Books a walk-in into the first free slot today at `centreID` (of `clinicianID`, or of anyone).
    /// - Throws: `AppointmentError.noFreeSlotToday` when none is left, and as `book`.
    public func bookWalkIn(
        patientID: Int64, centreID: Int64, clinicianID: Int64? = nil, by actor: StaffActor
    ) async throws -> BookingReceipt {
        try PermissionTable.check(actor, .bookAppointment, centreID: centreID)
        let now = try await DatabaseClock(database: database).now()
        let candidates = try await Availability(database: database).nextAvailable(
            for: actor,
            NextAvailableQuery(after: now, centreID: centreID, mode: .inPerson, clinicianID: clinicianID, limit: 20, horizonDays: 1))
        for candidate in candidates where candidate.slot.localDate == candidate.centre.zone.local(now).date {
            do {
                return try await book(
                    BookingRequest(
                        patientID: patientID, clinicianID: candidate.clinician.id, centreID: centreID, start: candidate.slot.start,
                        type: .inPerson),
                    by: actor)
            } catch BookingError.slotTaken {
                continue
            }
        }
        throw AppointmentError.noFreeSlotToday
    }

    static func book(
        _ request: BookingRequest, overbookReason: String?, source: BookingSource, actor: StaffActor,
        in session: DatabaseSession
    ) throws -> BookingReceipt {
        let utcDay = request.start.local(offsetSeconds: 0).date
        let snapshot = try AvailabilityReader.snapshot(
            .init(centreID: request.centreID, clinicianIDs: [request.clinicianID], days: utcDay.adding(days: -1)...utcDay.adding(days: 1)),
            in: session)
        guard let centre = snapshot.centres[request.centreID] else { throw AppointmentError.centreNotFound(request.centreID) }
        guard let clinician = snapshot.clinicians[request.clinicianID] else {
            throw AppointmentError.clinicianNotFound(request.clinicianID)
        }
        guard
            let patient = try session.query(
                """
                SELECT u.full_name FROM patient_profiles pp JOIN users u ON u.id = pp.user_id
                WHERE pp.id = \(request.patientID) AND pp.is_active AND u.is_active
                """
            ).first
        else { throw AppointmentError.patientNotFound(request.patientID) }
        let local = centre.zone.local(request.start)
        let slots = SlotGenerator.slots(clinicianID: clinician.id, centreID: centre.id, day: local.date, in: snapshot)
        let slot = try Bookings.slot(
            at: request.start, in: slots, clinician: clinician, overbook: overbookReason != nil, now: snapshot.now)
        let isOverbook = overbookReason != nil && !slot.isBookable
        let policies = try DeskPolicies.load(in: session)
        if isOverbook {
            try Bookings.checkOverbookCap(
                clinicianID: clinician.id, day: local.date, zone: centre.zone, cap: policies.overbookCapPerClinicianDay, in: session)
        }
        let type = request.type ?? slot.mode.appointmentType
        let end = request.start.adding(minutes: clinician.visitMinutes)
        let id: Int64
        do {
            id = try session.queryOne(
                """
                INSERT INTO appointments (patient_id, clinician_id, centre_id, appointment_type, scheduled_start_at,
                                          scheduled_end_at, duration_minutes, status, booked_by_user_id, source,
                                          patient_notes, is_active, desk_overbook_reason, desk_overbooked_by_user_id)
                VALUES (\(request.patientID), \(clinician.id), \(centre.id), \(type.rawValue), \(request.start), \(end),
                        \(clinician.visitMinutes), 'BOOKED', \(actor.userID), \(source.rawValue), \(request.patientNotes), true,
                        \(isOverbook ? overbookReason : nil), \(isOverbook ? actor.userID : nil))
                RETURNING id
                """
            ).decode("id")
        } catch let error as DatabaseError {
            if let bookingError = BookingError(error) { throw bookingError }
            throw error
        }
        try StatusHistory.record(
            appointmentID: id, from: nil, to: AppointmentStatus.booked.rawValue, by: actor.userID,
            reason: isOverbook ? "Overbooked at the desk: \(overbookReason ?? "")" : "Booked at the desk", in: session)
        var details = [
            "clinician_id": String(clinician.id), "start": request.start.description, "type": type.rawValue,
            "patient_id": String(request.patientID), "source": source.rawValue,
        ]
        if isOverbook { details["overbook_reason"] = overbookReason }
        try AuditLog.record(
            AuditEntry(
                actorUserID: actor.userID, centreID: centre.id, action: isOverbook ? "appointment.overbooked" : "appointment.booked",
                entityType: "appointment", entityID: id, host: actor.host, detailsJSON: AuditDetailsJSON.object(details)),
            in: session)
        try AppointmentMessages.enqueue(.confirmation, appointmentID: id, policies: policies, in: session)
        return BookingReceipt(
            appointmentID: id, start: request.start, end: end, localDate: local.date, localTime: local.time, type: type,
            clinicianName: clinician.name, centreName: centre.name, patientName: try patient.decode("full_name"),
            fee: clinician.fee, isOverbook: isOverbook)
    }

    /// The slot a booking at `start` goes into, or the reason it cannot.
    static func slot(at start: Instant, in slots: [Slot], clinician: ClinicianInfo, overbook: Bool, now: Instant) throws -> Slot {
        guard let slot = slots.first(where: { $0.start == start }) else {
            throw AppointmentError.slotNotAvailable("it is not one of \(clinician.name)'s slot times at this centre")
        }
        switch slot.state {
        case .free:
            return slot
        case .blocked:
            throw AppointmentError.slotNotAvailable("\(clinician.name) is on leave or the slot is blocked")
        case .past:
            throw AppointmentError.slotNotAvailable("that time has passed")
        case .busyElsewhere:
            throw AppointmentError.slotNotAvailable("\(clinician.name) is booked at another centre then")
        case .tooShort where !overbook:
            throw AppointmentError.slotNotAvailable(
                "a \(clinician.visitMinutes)-minute visit would run past the end of \(clinician.name)'s hours or into the next appointment")
        case .bookedUnpaid, .paid, .checkedIn, .inSession, .completed, .tooShort:
            guard overbook else { throw BookingError.slotTaken }
            guard slot.state != .completed, slot.start >= now else { throw AppointmentError.overbookOutsideHours }
            return slot
        }
    }

    /// Refuses an overbook past the day's cap; holds a lock on (clinician, day) until commit so two
    /// desks cannot both take the last one.
    static func checkOverbookCap(clinicianID: Int64, day: LocalDate, zone: CentreZone, cap: Int, in session: DatabaseSession) throws {
        try session.query("SELECT pg_advisory_xact_lock(\(clinicianID), \(day.daysSinceEpoch))")
        let count: Int64 = try session.queryOne(
            """
            SELECT count(*) AS n FROM appointments
            WHERE clinician_id = \(clinicianID) AND desk_overbook_reason IS NOT NULL AND is_active
              AND status NOT IN ('CANCELLED', 'CANCELLED_BY_ADMIN', 'NO_SHOW')
              AND scheduled_start_at >= \(zone.startOfDay(day)) AND scheduled_start_at < \(zone.startOfDay(day.adding(days: 1)))
            """
        ).decode("n")
        guard count < Int64(cap) else { throw AppointmentError.overbookCapReached(cap: cap) }
    }
}
