extension Bookings {
    /// Moves the appointment to `newStart` (same clinician and centre unless given) in one transaction,
    /// keeping its status; a history row carries the old and new start. If the new slot is taken,
    /// nothing changes. The new time is checked as a normal booking, so an overbook that moves becomes an
    /// ordinary visit (its marker is cleared).
    /// - Throws: `AccessError`, `AppointmentError` (24-hour rule, status, slot), `BookingError.slotTaken`.
    public func reschedule(
        _ appointmentID: Int64, to newStart: Instant, clinicianID newClinician: Int64? = nil, reason: String,
        override: Bool = false, by actor: StaffActor
    ) async throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw AppointmentError.reasonRequired("for moving the appointment") }
        try await database.transaction { session in
            let current = try CurrentAppointment.load(appointmentID, in: session)
            try PermissionTable.check(actor, .rescheduleAhead, centreID: current.centreID)
            _ = try AppointmentChanges.target(.reschedule, current)
            if current.startsWithin24Hours {
                guard PermissionTable.allows(actor, .rescheduleWithin24Hours, centreID: current.centreID), override else {
                    throw AppointmentError.within24Hours(.reschedule)
                }
            }
            let clinicianID = newClinician ?? current.clinicianID
            let utcDay = newStart.local(offsetSeconds: 0).date
            let snapshot = try AvailabilityReader.snapshot(
                .init(centreID: current.centreID, clinicianIDs: [clinicianID], days: utcDay.adding(days: -1)...utcDay.adding(days: 1)),
                in: session)
            guard let centre = snapshot.centres[current.centreID] else { throw AppointmentError.centreNotFound(current.centreID) }
            guard let clinician = snapshot.clinicians[clinicianID] else { throw AppointmentError.clinicianNotFound(clinicianID) }
            // The visit being moved must not count against its own new time.
            var withoutSelf = snapshot
            withoutSelf.appointments.removeAll { $0.id == appointmentID }
            let slots = SlotGenerator.slots(
                clinicianID: clinicianID, centreID: centre.id, day: centre.zone.local(newStart).date, in: withoutSelf)
            _ = try Bookings.slot(at: newStart, in: slots, clinician: clinician, overbook: false, now: snapshot.now)
            let newEnd = newStart.adding(minutes: clinician.visitMinutes)
            do {
                let changed = try session.execute(
                    """
                    UPDATE appointments SET scheduled_start_at = \(newStart), scheduled_end_at = \(newEnd),
                           duration_minutes = \(clinician.visitMinutes), clinician_id = \(clinicianID),
                           desk_checked_in_at = NULL, desk_checked_in_by_user_id = NULL, desk_queue_token = NULL,
                           desk_overbook_reason = NULL, desk_overbooked_by_user_id = NULL, updated_at = now()
                    WHERE id = \(appointmentID) AND status = \(current.statusText) AND scheduled_start_at = \(current.start)
                    """)
                guard changed == 1 else { throw AppointmentError.changedMeanwhile }
            } catch let error as DatabaseError {
                if let bookingError = BookingError(error) { throw bookingError }
                throw error
            }
            try StatusHistory.record(
                appointmentID: appointmentID, from: current.statusText, to: current.statusText, by: actor.userID,
                reason: "Rescheduled: \(reason)", previousStart: current.start, newStart: newStart, in: session)
            try AuditLog.record(
                AuditEntry(
                    actorUserID: actor.userID, centreID: current.centreID, action: "appointment.rescheduled",
                    entityType: "appointment", entityID: appointmentID, host: actor.host,
                    detailsJSON: AuditDetailsJSON.object([
                        "from": current.start.description, "to": newStart.description, "reason": reason,
                        "clinician_id": String(clinicianID),
                    ])),
                in: session)
            try AppointmentMessages.enqueue(
                .reschedule(previousStart: current.start), appointmentID: appointmentID,
                policies: try DeskPolicies.load(in: session), in: session)
        }
    }
}
