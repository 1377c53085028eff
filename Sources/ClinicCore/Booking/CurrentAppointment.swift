/// An appointment as a change reads it first (the compare-and-set compares against `status`).
struct CurrentAppointment: Sendable {
    var id: Int64
    var patientID: Int64
    var clinicianID: Int64
    var centreID: Int64
    var start: Instant
    var end: Instant
    var durationMinutes: Int
    var status: AppointmentStatus
    var statusText: String
    var isActive: Bool
    var paid: Bool
    var hasOpenPaymentLink: Bool
    var checkedInAt: Instant?
    var createdAt: Instant
    var overbookReason: String?
    var timezone: String
    /// The database clock of the transaction that read it.
    var now: Instant

    /// Whether it starts less than 24 hours from now (or has started): the cancel and move rule.
    var startsWithin24Hours: Bool { start.microsecondsSinceEpoch - now.microsecondsSinceEpoch < 24 * 3_600_000_000 }

    /// The appointment `id`.
    /// - Throws: `AppointmentError.appointmentNotFound`.
    static func load(_ id: Int64, in session: DatabaseSession) throws -> CurrentAppointment {
        guard
            let row = try session.query(
                """
                SELECT a.id, a.patient_id, a.clinician_id, a.centre_id, a.scheduled_start_at, a.scheduled_end_at,
                       a.duration_minutes, a.status, a.is_active, a.desk_checked_in_at, a.created_at,
                       a.desk_overbook_reason, c.timezone, now() AS now,
                       EXISTS (SELECT 1 FROM payments p WHERE p.appointment_id = a.id AND p.status = 'SUCCESS') AS paid,
                       EXISTS (SELECT 1 FROM payments p WHERE p.appointment_id = a.id AND p.status IN ('CREATED', 'PENDING')
                               AND (p.payment_link_id IS NOT NULL OR p.payment_link_url IS NOT NULL)) AS open_link
                FROM appointments a JOIN centres c ON c.id = a.centre_id
                WHERE a.id = \(id)
                """
            ).first
        else { throw AppointmentError.appointmentNotFound(id) }
        let text: String = try row.decode("status")
        return CurrentAppointment(
            id: id, patientID: try row.decode("patient_id"), clinicianID: try row.decode("clinician_id"),
            centreID: try row.decode("centre_id"), start: try row.decode("scheduled_start_at"),
            end: try row.decode("scheduled_end_at"), durationMinutes: try row.decode("duration_minutes"),
            status: AppointmentStatus(rawValue: text) ?? .booked, statusText: text, isActive: try row.decode("is_active"),
            paid: try row.decode("paid"), hasOpenPaymentLink: try row.decode("open_link"),
            checkedInAt: try row.decode("desk_checked_in_at"), createdAt: try row.decode("created_at"),
            overbookReason: try row.decode("desk_overbook_reason"), timezone: try row.decode("timezone"), now: try row.decode("now"))
    }
}
