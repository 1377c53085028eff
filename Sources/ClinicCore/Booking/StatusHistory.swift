/// Rows of the web's `appointment_status_history`, written the way its `insertStatusHistory` does, plus
/// the desk's start columns for a reschedule.
enum StatusHistory {
    static func record(
        appointmentID: Int64, from previous: String?, to next: String, by userID: Int64, reason: String?,
        previousStart: Instant? = nil, newStart: Instant? = nil, in session: DatabaseSession
    ) throws {
        try session.execute(
            """
            INSERT INTO appointment_status_history (appointment_id, previous_status, new_status, changed_by_user_id,
                                                    changed_at, reason, previous_start_at, new_start_at)
            VALUES (\(appointmentID), \(previous), \(next), \(userID), NOW(), \(reason), \(previousStart), \(newStart))
            """)
    }
}
