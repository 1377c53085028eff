// The rows of each table, in the columns and formats the web itself writes.

extension DemoSeeder {
    // MARK: - Centres and staff

    /// Centres, then staff exactly as the web's staff creation writes them: users (STAFF), staff_profiles,
    /// user_roles (centre for centre-scoped roles, NULL for ADMIN/MANAGER), centre_staff_assignments for
    /// centre-scoped roles; clinicians also get clinician_profiles and weekly availability rules.
    static func writeStaff(
        _ plan: DemoPlan, options: DemoSeedOptions, roleIDs: [StaffRole: Int64],
        passwordHashes: [String], session: DatabaseSession
    ) throws {
        try copy(
            "centres",
            [
                "id", "name", "city", "address_line1", "address_line2", "pincode", "contact_phone",
                "timezone", "is_active",
            ], in: session
        ) { rows in
            for (index, centre) in centres.enumerated() {
                rows.append([
                    text(plan.centreID(index)), centre.name, centre.city, centre.addressLine1,
                    centre.addressLine2, centre.pincode, centre.contactPhone, "Asia/Kolkata", "t",
                ])
            }
        }
        let phones = PhoneBook(seed: plan.generator)
        try copy(
            "users", ["id", "phone", "email", "username", "password_hash", "full_name", "user_type", "is_active"],
            in: session
        ) { rows in
            for (index, member) in plan.staff.enumerated() {
                rows.append([
                    text(plan.staffUserID(index)), phones.number(options.patients + index),
                    "\(member.username)@staff.example.com", member.username, passwordHashes[index],
                    member.fullName, "STAFF", "t",
                ])
            }
        }
        try copy("staff_profiles", ["id", "user_id", "designation", "is_active"], in: session) { rows in
            for (index, member) in plan.staff.enumerated() {
                rows.append([
                    text(plan.ids.first("staff_profiles") + Int64(index)), text(plan.staffUserID(index)),
                    member.designation, "t",
                ])
            }
        }
        try copy("user_roles", ["id", "user_id", "role_id", "centre_id", "is_active"], in: session) { rows in
            for (index, member) in plan.staff.enumerated() {
                rows.append([
                    text(plan.ids.first("user_roles") + Int64(index)), text(plan.staffUserID(index)),
                    text(roleIDs[member.role]), text(member.centre.map(plan.centreID)), "t",
                ])
            }
        }
        try copy("centre_staff_assignments", ["id", "centre_id", "user_id", "role_id", "is_active"], in: session) { rows in
            var next = plan.ids.first("centre_staff_assignments")
            for (index, member) in plan.staff.enumerated() {
                guard let centre = member.centre else { continue }
                rows.append([
                    text(next), text(plan.centreID(centre)), text(plan.staffUserID(index)),
                    text(roleIDs[member.role]), "t",
                ])
                next += 1
            }
        }
        try copy(
            "clinician_profiles",
            [
                "id", "user_id", "primary_centre_id", "specialization", "registration_number",
                "years_of_experience", "bio", "consultation_modes",
                "default_consultation_duration_minutes", "is_active", "consultation_fee",
                "qualification", "expertise", "languages",
            ], in: session
        ) { rows in
            for clinician in plan.clinicians {
                let profile = clinician.profile
                rows.append([
                    text(clinician.profileID), text(clinician.userID), text(plan.centreID(profile.primaryCentre)),
                    json(profile.specialization), profile.registrationNumber, text(profile.yearsOfExperience),
                    profile.bio, json(profile.modes), text(profile.durationMinutes), "t", text(profile.fee),
                    json(profile.qualification), json(profile.expertise), json(profile.languages),
                ])
            }
        }
        try copy(
            "clinician_availability_rules",
            [
                "id", "clinician_id", "centre_id", "day_of_week", "start_time",
                "end_time", "slot_duration_minutes", "mode", "is_active",
            ],
            in: session
        ) { rows in
            for clinician in plan.clinicians {
                for (id, rule) in clinician.rules {
                    rows.append([
                        text(id), text(clinician.profileID), text(plan.centreID(rule.centre)),
                        text(rule.weekday), text(rule.start), text(rule.end),
                        text(clinician.profile.durationMinutes), rule.mode, "t",
                    ])
                }
            }
        }
    }

    // MARK: - Patients

    /// Patients in batches of about 5% (users, then their profiles), reporting progress after each.
    static func writePatients(
        _ plan: DemoPlan, options: DemoSeedOptions, session: DatabaseSession,
        progress: (String) -> Void
    ) throws {
        var factory = PatientFactory(
            base: plan.generator, count: options.patients, today: options.today,
            phones: PhoneBook(seed: plan.generator))
        factory.mrnPrefix = try session.queryOne("SELECT desk_mrn_prefix() AS prefix").decode("prefix")
        let batch = max(5_000, (options.patients + 19) / 20)
        var start = 0
        while start < options.patients {
            let range = start..<min(start + batch, options.patients)
            var built: [PatientIdentity] = []
            built.reserveCapacity(range.count)
            for index in range {
                built.append(factory.identity(index, firstBooking: plan.firstBookings[index]))
            }
            let people = built
            let userBase = plan.patientUserBase
            let profileBase = plan.patientProfileBase
            let registered = plan.registered
            try copy(
                "users",
                [
                    "id", "phone", "email", "full_name", "first_name", "last_name", "user_type", "is_active",
                    "created_at", "updated_at",
                ], in: session, rows: range
            ) { index, rows in
                let person = people[index - range.lowerBound]
                let signedUp = text(person.registeredAt)
                rows.append([
                    text(userBase + Int64(index)), person.phone, person.email, person.fullName, person.firstName,
                    person.lastName, "PATIENT", "t", signedUp, signedUp,
                ])
            }
            try copy(
                "patient_profiles",
                [
                    "id", "user_id", "date_of_birth", "gender", "blood_group",
                    "emergency_contact_name", "emergency_contact_phone", "notes", "is_active",
                    "created_at", "updated_at", "age", "mrn", "registration_fee_paid",
                    "registration_fee_paid_at",
                ], in: session, rows: range
            ) { index, rows in
                let person = people[index - range.lowerBound]
                let feePaidAt = registered[index]
                rows.append([
                    text(profileBase + Int64(index)), text(userBase + Int64(index)), text(person.dateOfBirth),
                    person.gender, person.bloodGroup, person.emergencyContactName, person.emergencyContactPhone,
                    person.notes, "t", text(person.registeredAt), text(feePaidAt ?? person.registeredAt),
                    text(person.age), person.mrn, text(feePaidAt != nil), text(feePaidAt),
                ])
            }
            start = range.upperBound
            progress("patients \(start)/\(options.patients)")
        }
    }

    // MARK: - Appointments and what hangs off them

    static func writeAppointments(_ plan: DemoPlan, session: DatabaseSession) throws {
        let admin = plan.bookers.admin
        let profileID = { (patient: Int) in text(plan.patientProfileBase + Int64(patient)) }
        try copy(
            "blocked_slots",
            [
                "id", "clinician_id", "centre_id", "blocked_date", "start_time", "end_time", "reason",
                "blocked_by_admin_id", "is_blocked",
            ], in: session
        ) { rows in
            for block in plan.blocks {
                rows.append([
                    text(block.id), text(plan.clinicians[block.clinician].profileID),
                    text(plan.centreID(block.centre)), text(block.date), text(block.start), text(block.end),
                    block.reason, text(admin), "t",
                ])
            }
        }
        try copy(
            "appointments",
            [
                "id", "patient_id", "clinician_id", "centre_id", "appointment_type",
                "scheduled_start_at", "scheduled_end_at", "duration_minutes", "status",
                "parent_appointment_id", "booked_by_user_id", "source", "notes", "is_active",
                "created_at", "updated_at", "google_meet_link", "google_meet_event_id",
                "refund_eligible", "refund_status", "blocked_slot_id", "patient_notes",
                "session_started_at", "session_ended_at", "cancellation_reason",
                "cancellation_requested_at",
            ], in: session
        ) { rows in
            for appointment in plan.appointments {
                let inVideoSessions = usesVideoSessions(appointment)
                let updated = [appointment.sessionEndedAt, appointment.sessionStartedAt, appointment.cancellationRequestedAt]
                    .compactMap { $0 }.reduce(appointment.bookedAt) { max($0, $1) }
                rows.append([
                    text(appointment.id), profileID(appointment.patient),
                    text(plan.clinicians[appointment.clinician].profileID), text(plan.centreID(appointment.centre)),
                    appointment.type.rawValue, text(appointment.start), text(appointment.end),
                    text(appointment.durationMinutes), appointment.status, text(appointment.parentID),
                    text(appointment.bookedBy), appointment.source.rawValue, appointment.notes,
                    text(appointment.isActive), text(appointment.bookedAt), text(updated),
                    inVideoSessions ? nil : appointment.meetLink, inVideoSessions ? nil : appointment.meetEventID,
                    text(appointment.refundEligible), appointment.refundStatus, text(appointment.blockedSlotID),
                    appointment.patientNotes, text(appointment.sessionStartedAt),
                    text(appointment.sessionEndedAt), appointment.cancellationReason,
                    utcWallClock(appointment.cancellationRequestedAt),
                ])
            }
        }
        try copy(
            "appointment_status_history",
            [
                "id", "appointment_id", "previous_status", "new_status",
                "changed_by_user_id", "changed_at", "reason",
            ], in: session
        ) { rows in
            for (offset, entry) in plan.history.enumerated() {
                rows.append([
                    text(plan.ids.first("appointment_status_history") + Int64(offset)), text(entry.appointmentID),
                    entry.previous, entry.new, text(entry.changedBy), text(entry.changedAt), entry.reason,
                ])
            }
        }
        try copy(
            "payments",
            [
                "id", "patient_id", "appointment_id", "provider", "order_id", "payment_id", "amount",
                "currency", "status", "payment_method_details", "error_code", "error_description",
                "paid_at", "created_at", "updated_at", "payment_link_id", "payment_link_url",
                "registration_fee", "consultation_fee", "payment_method", "payment_notes",
            ],
            in: session
        ) { rows in
            for payment in plan.payments {
                rows.append([
                    text(payment.id), profileID(payment.patient), text(plan.appointments[payment.appointment].id),
                    payment.provider, payment.orderID, payment.paymentID, text(payment.amount), "INR",
                    payment.status, payment.methodDetails, payment.errorCode, payment.errorDescription,
                    text(payment.paidAt), text(payment.createdAt), text(payment.updatedAt), payment.linkID,
                    payment.linkURL, text(payment.registrationFee), text(payment.consultationFee),
                    payment.method, payment.notes,
                ])
            }
        }
        try copy(
            "video_sessions",
            [
                "id", "appointment_id", "provider", "meeting_id", "join_url", "status",
                "scheduled_start_at", "scheduled_end_at",
            ], in: session
        ) { rows in
            var next = plan.ids.first("video_sessions")
            for appointment in plan.appointments where usesVideoSessions(appointment) {
                let status: String
                switch appointment.status {
                case "COMPLETED": status = "ENDED"
                case "IN_PROGRESS": status = "STARTED"
                case "CANCELLED", "CANCELLED_BY_ADMIN", "NO_SHOW": status = "CANCELLED"
                default: status = "SCHEDULED"
                }
                rows.append([
                    text(next), text(appointment.id), "GOOGLE_MEET", appointment.meetEventID, appointment.meetLink,
                    status, text(appointment.start), text(appointment.end),
                ])
                next += 1
            }
        }
        try writeBlockConsequences(plan, session: session)
    }

    /// The admin's payment-link flow keeps Meet links in video_sessions; the others on the appointment.
    private static func usesVideoSessions(_ appointment: PlannedAppointment) -> Bool {
        guard appointment.meetLink != nil else { return false }
        switch appointment.payment {
        case .success(.link), .failedThenSuccess(.link): return true
        default: return false
        }
    }

    /// What the web's slot blocking writes besides the block: an audit row per blocked slot and a
    /// dashboard notification for each patient whose appointment it cancelled.
    private static func writeBlockConsequences(_ plan: DemoPlan, session: DatabaseSession) throws {
        var affected: [Int64: [PlannedAppointment]] = [:]
        for appointment in plan.appointments {
            if let block = appointment.blockedSlotID { affected[block, default: []].append(appointment) }
        }
        try copy(
            "slot_blocking_audit",
            [
                "id", "blocked_slot_id", "action_type", "admin_id", "reason",
                "affected_appointment_ids", "affected_patient_count", "metadata",
            ],
            in: session
        ) { rows in
            for (offset, block) in plan.blocks.enumerated() {
                let appointments = affected[block.id] ?? []
                let metadata = jsonObject([
                    ("blocked_date", json(block.date.description)),
                    ("start_time", json(block.start.description)),
                    ("end_time", json(block.end.description)),
                ])
                rows.append([
                    text(plan.ids.first("slot_blocking_audit") + Int64(offset)), text(block.id), "BLOCK",
                    text(plan.bookers.admin), block.reason,
                    "{" + appointments.map { String($0.id) }.joined(separator: ",") + "}",
                    text(Set(appointments.map(\.patient)).count), metadata,
                ])
            }
        }
        try copy(
            "patient_notifications",
            [
                "id", "patient_id", "notification_type", "title", "message", "appointment_id",
                "blocked_slot_id", "metadata", "is_read",
            ], in: session
        ) { rows in
            var next = plan.ids.first("patient_notifications")
            for block in plan.blocks {
                for appointment in affected[block.id] ?? [] {
                    let clinician = plan.clinicians[appointment.clinician].fullName
                    let message =
                        "Your appointment with \(clinician) on \(block.date) at "
                        + "\(block.start.description.prefix(5)) was cancelled because the clinician is unavailable. "
                        + (appointment.refundEligible ? "Your payment will be refunded. " : "")
                        + "Please book another slot."
                    rows.append([
                        text(next), text(plan.patientProfileBase + Int64(appointment.patient)),
                        "APPOINTMENT_BLOCKED", "Appointment cancelled", message, text(appointment.id),
                        text(block.id), jsonObject([("refund_eligible", appointment.refundEligible ? "true" : "false")]),
                        "f",
                    ])
                    next += 1
                }
            }
        }
    }
}
