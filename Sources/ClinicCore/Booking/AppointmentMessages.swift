/// The WhatsApp messages about an appointment, always as approved templates (free text is dropped
/// outside WhatsApp's 24-hour window), queued in the caller's transaction.
enum AppointmentMessages {
    /// The web's booking confirmation template (sic).
    static let bookingConfirmation = "booking_conformation"

    enum Kind {
        case confirmation
        case cancellation(reason: String)
        case reschedule(previousStart: Instant)
        case reminder

        var notificationType: String {
            switch self {
            case .confirmation: return "APPOINTMENT_CONFIRMATION"
            case .cancellation: return "APPOINTMENT_CANCELLED"
            case .reschedule: return "APPOINTMENT_RESCHEDULED"
            case .reminder: return "APPOINTMENT_REMINDER"
            }
        }
    }

    /// Queues the message about `appointmentID`; nil when the patient has no usable phone.
    @discardableResult
    static func enqueue(
        _ kind: Kind, appointmentID: Int64, policies: DeskPolicies, in session: DatabaseSession
    ) throws -> Int64? {
        guard
            let row = try session.query(
                """
                SELECT a.patient_id, a.scheduled_start_at, cu.full_name AS clinician_name, c.name AS centre_name,
                       c.timezone, pu.full_name AS patient_name, pp.user_id, pu.phone,
                       hp.user_id AS holder_user_id, hu.phone AS holder_phone, hu.full_name AS holder_name
                FROM appointments a
                JOIN clinician_profiles cp ON cp.id = a.clinician_id JOIN users cu ON cu.id = cp.user_id
                JOIN centres c ON c.id = a.centre_id
                JOIN patient_profiles pp ON pp.id = a.patient_id JOIN users pu ON pu.id = pp.user_id
                LEFT JOIN patient_profiles hp ON hp.id = pp.desk_contact_holder_patient_id AND hp.id <> pp.id
                LEFT JOIN users hu ON hu.id = hp.user_id
                WHERE a.id = \(appointmentID)
                """
            ).first
        else { return nil }
        let patientID: Int64 = try row.decode("patient_id")
        // The patient's own phone, else their household holder's (as OTPRecipient decides).
        let recipient: (userID: Int64, name: String, phone: PhoneNumber)
        if let stored: String = try row.decode("phone"), let phone = PhoneNumber(stored) {
            recipient = (try row.decode("user_id"), try row.decode("patient_name"), phone)
        } else if let stored: String = try row.decode("holder_phone"), let phone = PhoneNumber(stored),
            let holder: Int64 = try row.decode("holder_user_id")
        {
            recipient = (holder, try row.decode("holder_name") ?? "", phone)
        } else {
            return nil
        }
        let zone = CentreZone(named: try row.decode("timezone"))
        let start: Instant = try row.decode("scheduled_start_at")
        let patientName: String = try row.decode("patient_name")
        let clinician: String = try row.decode("clinician_name")
        let centre: String = try row.decode("centre_name")
        var values = [
            "patient_name": patientName, "clinician_name": clinician, "centre_name": centre,
            "date": DisplayDate.long(zone.local(start).date), "time": DisplayDate.time(zone.local(start).time),
        ]
        let template: String
        var summary = "\(patientName) with \(clinician) at \(centre), \(values["date"] ?? "") \(values["time"] ?? "")"
        switch kind {
        case .confirmation:
            template = bookingConfirmation
            values["brand"] = policies.brandName
            summary = "Booking confirmed: " + summary
        case .cancellation(let reason):
            template = policies.cancellationTemplate
            values["reason"] = reason
            summary = "Cancelled: " + summary
        case .reschedule(let previous):
            template = policies.rescheduleTemplate
            values["previous_date"] = DisplayDate.long(zone.local(previous).date)
            values["previous_time"] = DisplayDate.time(zone.local(previous).time)
            summary = "Moved: " + summary
        case .reminder:
            template = policies.reminderTemplate
            summary = "Reminder: " + summary
        }
        return try Outbox.enqueue(
            NewNotification(
                recipientUserID: recipient.userID, phone: recipient.phone.webLoginFormat, recipientName: recipient.name, template: template,
                notificationType: kind.notificationType,
                summary: summary, bodyValues: values, references: ["appointment_id": appointmentID, "patient_id": patientID]),
            in: session)
    }
}
