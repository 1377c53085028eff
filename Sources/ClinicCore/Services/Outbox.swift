import Foundation

/// The notification outbox: every outgoing WhatsApp message is a `notifications` row, written in the
/// same transaction as the change that causes it and delivered later by an `OutboxWorker`.
///
/// Rows keep the web's meaning (channel `WHATSAPP`, status `QUEUED` → `SENT` | `FAILED`, `user_id` the
/// recipient's real `users.id`, `phone`, `payload_data` with `notification_type` and `message`); the
/// desk adds its template name, attempts, next attempt time, last error and the provider's message id.
/// Secret template values (an OTP) never go into `payload_data`: they wait in a desk table of their own.
public struct Outbox: Sendable {
    private let database: Database

    /// The outbox of `database`.
    public init(database: Database) { self.database = database }

    /// Queues `message` inside the caller's transaction; it is due at once.
    /// - Returns: the new `notifications.id`.
    @discardableResult
    public static func enqueue(_ message: NewNotification, in session: DatabaseSession) throws -> Int64 {
        let payload = message.payloadJSON()
        return try session.queryOne(
            """
            INSERT INTO notifications (user_id, phone, channel, payload_data, status, desk_template_name,
                                       desk_attempts, desk_next_attempt_at, created_at, updated_at)
            VALUES (\(message.recipientUserID), \(message.phone), 'WHATSAPP', \(payload)::jsonb, 'QUEUED', \(message.template),
                    0, NOW(), NOW(), NOW())
            RETURNING id
            """
        ).decode("id")
    }

    /// Messages queued by the desk and not yet sent or failed (the status bar's count).
    public func undeliveredCount() async throws -> Int {
        let row = try await database.query(
            "SELECT count(*) AS n FROM notifications WHERE status = 'QUEUED' AND desk_template_name IS NOT NULL")
        return try row.first.map { try Int($0.decode("n", as: Int64.self)) } ?? 0
    }

    /// Counts by delivery state for `clinic-desk outbox status`.
    public func summary() async throws -> OutboxStatus {
        let rows = try await database.query(
            """
            SELECT count(*) FILTER (WHERE status = 'QUEUED') AS queued,
                   count(*) FILTER (WHERE status = 'QUEUED' AND desk_next_attempt_at <= NOW()) AS due,
                   count(*) FILTER (WHERE status = 'QUEUED' AND desk_attempts > 0) AS retrying,
                   count(*) FILTER (WHERE status = 'SENT' AND sent_at > NOW() - INTERVAL '24 hours') AS sent_last_day,
                   count(*) FILTER (WHERE status = 'FAILED' AND updated_at > NOW() - INTERVAL '24 hours') AS failed_last_day,
                   min(created_at) FILTER (WHERE status = 'QUEUED') AS oldest_queued_at,
                   NOW() AS now
            FROM notifications WHERE desk_template_name IS NOT NULL
            """)
        guard let row = rows.first else { throw DatabaseError.decodingFailed(column: "(row)", expected: "one row") }
        return OutboxStatus(
            queued: Int(try row.decode("queued", as: Int64.self)), due: Int(try row.decode("due", as: Int64.self)),
            retrying: Int(try row.decode("retrying", as: Int64.self)),
            sentLastDay: Int(try row.decode("sent_last_day", as: Int64.self)),
            failedLastDay: Int(try row.decode("failed_last_day", as: Int64.self)),
            oldestQueuedAt: try row.decode("oldest_queued_at"), now: try row.decode("now"))
    }

    /// The latest messages to `userID` (desk and web rows), newest first, with their delivery state.
    public func messages(toUserID userID: Int64, limit: Int = 20) async throws -> [OutboxMessage] {
        let rows = try await database.query(
            """
            SELECT id, coalesce(desk_template_name, payload_data->>'notification_type', 'message') AS kind,
                   status, created_at, sent_at, desk_attempts, coalesce(desk_last_error, error_message) AS last_error
            FROM notifications WHERE user_id = \(userID)
            ORDER BY created_at DESC, id DESC LIMIT \(limit)
            """)
        return try rows.map { row in
            OutboxMessage(
                id: try row.decode("id"), kind: try row.decode("kind"), status: try row.decode("status"),
                createdAt: try row.decode("created_at"), sentAt: try row.decode("sent_at"),
                attempts: try row.decode("desk_attempts"), lastError: try row.decode("last_error"))
        }
    }
}

/// A message to queue: who gets it, which template, and the template's non-secret values.
public struct NewNotification: Sendable, Equatable {
    /// `users.id` of the person whose phone receives it (the household holder for a member without a phone).
    public var recipientUserID: Int64
    /// The phone it goes to, in the web's format `91XXXXXXXXXX`.
    public var phone: String
    /// The recipient's name (Gallabox's contact name).
    public var recipientName: String
    /// The desk template name, e.g. `MessageTemplate.otpVerification`.
    public var template: String
    /// `payload_data.notification_type`, as the web's screens group messages (e.g. `OTP_VERIFICATION`).
    public var notificationType: String
    /// A staff-readable summary for `payload_data.message`; never a secret.
    public var summary: String
    /// Template values that may be stored (never an OTP).
    public var bodyValues: [String: String]
    /// Further non-secret ids for `payload_data` (e.g. `patient_id`).
    public var references: [String: Int64]

    /// A message; see the properties.
    public init(
        recipientUserID: Int64, phone: String, recipientName: String, template: String, notificationType: String,
        summary: String, bodyValues: [String: String] = [:], references: [String: Int64] = [:]
    ) {
        self.recipientUserID = recipientUserID
        self.phone = phone
        self.recipientName = recipientName
        self.template = template
        self.notificationType = notificationType
        self.summary = summary
        self.bodyValues = bodyValues
        self.references = references
    }

    /// `payload_data`: the web's keys (`notification_type`, `message`) plus the desk's.
    func payloadJSON() -> String {
        var object: [String: Any] = [
            "notification_type": notificationType, "message": summary, "template": template,
            "recipient_name": recipientName, "body_values": bodyValues, "source": "clinic-desk",
        ]
        for (key, value) in references { object[key] = value }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
            let text = String(data: data, encoding: .utf8)
        else { return "{}" }
        return text
    }
}

/// Counts of the desk's outbox, for `outbox status`.
public struct OutboxStatus: Sendable, Equatable {
    /// Rows waiting to be sent (including those waiting for a retry).
    public var queued: Int
    /// Queued rows whose next attempt time has come.
    public var due: Int
    /// Queued rows that failed at least once and wait for a retry.
    public var retrying: Int
    /// Rows sent in the last 24 hours.
    public var sentLastDay: Int
    /// Rows that failed for good in the last 24 hours.
    public var failedLastDay: Int
    /// When the oldest queued row was written.
    public var oldestQueuedAt: Instant?
    /// The database clock.
    public var now: Instant
}

/// One message to a person, with its delivery state (the patient view's messages list).
public struct OutboxMessage: Sendable, Equatable {
    /// `notifications.id`.
    public var id: Int64
    /// The template or the web's notification type.
    public var kind: String
    /// QUEUED, SENT, DELIVERED or FAILED.
    public var status: String
    /// When it was written.
    public var createdAt: Instant
    /// When the provider accepted it.
    public var sentAt: Instant?
    /// Delivery attempts by the desk so far.
    public var attempts: Int
    /// The last error, if any.
    public var lastError: String?
}
