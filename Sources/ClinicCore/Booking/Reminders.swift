/// The day-before reminders: a scheduled job (the TUI's background worker, `clinic-desk outbox remind`)
/// that queues one reminder per appointment, ever (`desk_reminders_sent`'s key).
public struct Reminders: Sendable {
    let database: Database

    /// Reminders on `database`.
    public init(database: Database) { self.database = database }

    /// Queues reminders for tomorrow's visits at every centre whose local time has passed the reminder
    /// time. Safe to run from several desks at once.
    /// - Returns: how many were queued.
    @discardableResult
    public func sendDue() async throws -> Int {
        try await database.transaction { session in
            let policies = try DeskPolicies.load(in: session)
            let due = try session.query(
                """
                WITH zones AS (
                    -- A centre whose zone name PostgreSQL does not know counts as India (as desk_local_day
                    -- does) instead of failing every centre's reminders.
                    SELECT c.id, CASE WHEN c.timezone IN (SELECT name FROM pg_timezone_names) THEN c.timezone
                                      ELSE 'Asia/Kolkata' END AS zone
                    FROM centres c
                )
                INSERT INTO desk_reminders_sent (appointment_id)
                SELECT a.id FROM appointments a JOIN zones z ON z.id = a.centre_id
                WHERE a.is_active AND a.status IN ('BOOKED', 'CONFIRMED', 'RESCHEDULED', 'PENDING')
                  AND (a.scheduled_start_at AT TIME ZONE z.zone)::date = (now() AT TIME ZONE z.zone)::date + 1
                  AND (now() AT TIME ZONE z.zone)::time >= \(policies.reminderLocalTime)::time
                ON CONFLICT (appointment_id) DO NOTHING
                RETURNING appointment_id
                """)
            var queued = 0
            for row in due {
                let id: Int64 = try row.decode("appointment_id")
                if let notification = try AppointmentMessages.enqueue(.reminder, appointmentID: id, policies: policies, in: session) {
                    try session.execute("UPDATE desk_reminders_sent SET notification_id = \(notification) WHERE appointment_id = \(id)")
                    queued += 1
                }
            }
            return queued
        }
    }
}
