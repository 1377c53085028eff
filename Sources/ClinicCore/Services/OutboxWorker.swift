import Foundation

/// Delivers the outbox's due rows through one `MessageChannel`.
///
/// **Delivery is at least once.** A worker claims due rows with `FOR UPDATE SKIP LOCKED` and, in the
/// same short transaction, leases them (next attempt pushed `RetryPolicy.leaseSeconds` ahead, a claim
/// token set), so other workers, in this process or another, skip them while it sends. It then calls
/// the provider outside any transaction and records the outcome: `SENT` with the provider's message id,
/// a retry with backoff on 5xx, 429 or a timeout, `FAILED` with the provider's message on any other 4xx.
/// A row is therefore sent again only when the provider refused it with a 5xx/429 or its answer was
/// lost (a timeout, or the worker died after sending and before recording): then, once the lease
/// ends, another worker sends it again. A worker that dies before sending leaves the row to be sent
/// when its lease ends; nothing is lost. A pending OTP is deleted once its message is sent or failed,
/// and a code that expired (or was replaced) before delivery is never sent: its row is marked FAILED.
public struct OutboxWorker: Sendable {
    private let database: Database
    private let channel: any MessageChannel
    /// Backoff, lease and give-up rules.
    public let policy: RetryPolicy

    /// A worker delivering `database`'s outbox through `channel`.
    public init(database: Database, channel: any MessageChannel, policy: RetryPolicy = .standard) {
        self.database = database
        self.channel = channel
        self.policy = policy
    }

    /// Claims up to `limit` due rows, sends them one by one and records each outcome.
    public func deliverDue(limit: Int = 20) async throws -> OutboxRunSummary {
        let batch = try await claimDue(limit: limit)
        var summary = batch.summary
        for claim in batch.claims {
            let result = await channel.deliver(claim.message)
            switch try await record(result, for: claim) {
            case .sent: summary.sent += 1
            case .retrying: summary.retried += 1
            case .failed: summary.failed += 1
            }
        }
        return summary
    }

    /// Runs `deliverDue` until the task is cancelled: drains what is due, then waits `pollInterval`.
    /// Errors (a dropped database, say) are reported through `report` and the loop goes on.
    public func run(
        pollInterval: Duration = .seconds(5), limit: Int = 20,
        report: @Sendable (Result<OutboxRunSummary, any Error>) async -> Void = { _ in }
    ) async {
        while !Task.isCancelled {
            do {
                var summary: OutboxRunSummary
                repeat {
                    summary = try await deliverDue(limit: limit)
                    await report(.success(summary))
                } while summary.claimed >= limit && !Task.isCancelled
            } catch {
                await report(.failure(error))
            }
            try? await Task.sleep(for: pollInterval)
        }
    }

    // MARK: - The two halves of a run

    /// Leases up to `limit` due rows to this worker (one transaction) and fails the OTP messages
    /// whose code expired or was replaced before delivery. `deliverDue` is `claimDue` plus sending.
    public func claimDue(limit: Int) async throws -> OutboxClaimBatch {
        let token = try Digest.randomBytes(16).map { String(format: "%02x", $0) }.joined()
        let lease = policy.leaseSeconds
        return try await database.transaction { session in
            let rows = try session.query(
                """
                WITH due AS (
                    SELECT id FROM notifications
                    WHERE status = 'QUEUED' AND desk_template_name IS NOT NULL AND desk_next_attempt_at <= NOW()
                    ORDER BY desk_next_attempt_at, id
                    LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE notifications n
                SET desk_attempts = n.desk_attempts + 1,
                    desk_next_attempt_at = NOW() + make_interval(secs => \(lease)),
                    desk_claim_token = \(token), updated_at = NOW()
                FROM due WHERE n.id = due.id
                RETURNING n.id, n.phone, n.desk_template_name, n.desk_attempts,
                          coalesce(n.payload_data->>'recipient_name', '') AS recipient_name,
                          coalesce(n.payload_data->'body_values', '{}'::jsonb)::text AS body_values
                """)
            var batch = OutboxClaimBatch(claims: [], summary: OutboxRunSummary())
            for row in rows {
                let id: Int64 = try row.decode("id")
                let template: String = try row.decode("desk_template_name")
                var values = OutboxWorker.stringObject(try row.decode("body_values", as: String.self))
                var secrets: [String] = []
                batch.summary.claimed += 1
                if template == MessageTemplate.otpVerification {
                    let codes = try session.query(
                        """
                        SELECT code FROM desk_pending_otp_codes WHERE notification_id = \(id) AND expires_at > NOW()
                        """)
                    guard let code: String = try codes.first?.decode("code") else {
                        try OutboxWorker.markFailed(
                            id: id, token: token, reason: "The code expired or was replaced before it could be sent; it was not sent.",
                            in: session)
                        batch.summary.expired += 1
                        continue
                    }
                    values[MessageTemplate.otpBodyKey] = code
                    secrets.append(code)
                }
                let message = OutboundMessage(
                    notificationID: id, phone: try row.decode("phone", as: String?.self) ?? "",
                    recipientName: try row.decode("recipient_name"), template: template, bodyValues: values)
                batch.claims.append(
                    OutboxClaim(message: message, attempt: try row.decode("desk_attempts"), token: token, secrets: secrets))
            }
            return batch
        }
    }

    /// Records what the channel answered for `claim`.
    public func record(_ result: DeliveryResult, for claim: OutboxClaim) async throws -> OutboxOutcome {
        let policy = self.policy
        return try await database.transaction { session in
            let id = claim.message.notificationID
            switch result {
            case .accepted(let providerID):
                // A success stands even if the lease ran out meanwhile: the message did go out.
                try session.execute(
                    """
                    UPDATE notifications
                    SET status = 'SENT', sent_at = NOW(), updated_at = NOW(), desk_provider_message_id = \(providerID),
                        desk_last_error = NULL, desk_next_attempt_at = NULL, desk_claim_token = NULL
                    WHERE id = \(id) AND status = 'QUEUED'
                    """)
                try session.execute("DELETE FROM desk_pending_otp_codes WHERE notification_id = \(id)")
                return .sent
            case .rejected(let reason):
                try OutboxWorker.markFailed(id: id, token: claim.token, reason: claim.scrubbed(reason), in: session)
                return .failed
            case .retryLater(let reason, let retryAfter):
                let text = claim.scrubbed(reason)
                if claim.attempt >= policy.maximumAttempts {
                    try OutboxWorker.markFailed(
                        id: id, token: claim.token, reason: "Gave up after \(claim.attempt) attempts: \(text)", in: session)
                    return .failed
                }
                let delay = max(policy.delaySeconds(afterAttempt: claim.attempt), min(retryAfter ?? 0, policy.maximumDelaySeconds))
                try session.execute(
                    """
                    UPDATE notifications
                    SET desk_next_attempt_at = NOW() + make_interval(secs => \(delay)), desk_last_error = \(text),
                        desk_claim_token = NULL, updated_at = NOW()
                    WHERE id = \(id) AND status = 'QUEUED' AND desk_claim_token = \(claim.token)
                    """)
                return .retrying
            }
        }
    }

    // MARK: - Private

    private static func markFailed(id: Int64, token: String, reason: String, in session: DatabaseSession) throws {
        try session.execute(
            """
            UPDATE notifications
            SET status = 'FAILED', error_message = \(reason), desk_last_error = \(reason), updated_at = NOW(),
                desk_next_attempt_at = NULL, desk_claim_token = NULL
            WHERE id = \(id) AND status = 'QUEUED' AND desk_claim_token = \(token)
            """)
        try session.execute("DELETE FROM desk_pending_otp_codes WHERE notification_id = \(id)")
    }

    /// A JSON object's string values (other values are dropped).
    static func stringObject(_ json: String) -> [String: String] {
        guard let data = json.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return [:]
        }
        return object.compactMapValues { $0 as? String }
    }
}

/// When to try again and when to give up.
public struct RetryPolicy: Sendable, Equatable {
    /// The wait after the first temporary failure; it doubles with each further one.
    public var baseDelaySeconds: Int
    /// The longest wait between attempts.
    public var maximumDelaySeconds: Int
    /// Attempts after which a temporary failure becomes FAILED.
    public var maximumAttempts: Int
    /// How long a claimed row stays invisible to other workers; longer than any send can take.
    public var leaseSeconds: Int

    /// 30 s, 1 min, 2 min, … up to 30 min between attempts; FAILED after 10; a 2-minute lease.
    public static let standard = RetryPolicy(baseDelaySeconds: 30, maximumDelaySeconds: 1800, maximumAttempts: 10, leaseSeconds: 120)

    /// A policy; see the properties.
    public init(baseDelaySeconds: Int, maximumDelaySeconds: Int, maximumAttempts: Int, leaseSeconds: Int) {
        self.baseDelaySeconds = baseDelaySeconds
        self.maximumDelaySeconds = maximumDelaySeconds
        self.maximumAttempts = maximumAttempts
        self.leaseSeconds = leaseSeconds
    }

    /// The wait after attempt number `attempt` (1-based) failed temporarily.
    public func delaySeconds(afterAttempt attempt: Int) -> Int {
        let exponent = min(max(attempt - 1, 0), 20)
        return min(baseDelaySeconds << exponent, maximumDelaySeconds)
    }
}

/// Rows a worker leased, ready to send.
public struct OutboxClaimBatch: Sendable {
    /// The messages to send, each with its lease.
    public var claims: [OutboxClaim]
    /// Counts so far (claimed, and OTP messages failed because their code expired).
    public var summary: OutboxRunSummary
}

/// One leased row: the message (secrets included, in memory only) and the lease's token.
public struct OutboxClaim: Sendable {
    /// What to send.
    public var message: OutboundMessage
    /// This attempt's number (1 for the first).
    public var attempt: Int
    let token: String
    let secrets: [String]

    /// `text` with every secret value blanked, so no provider echo puts a code into the database.
    func scrubbed(_ text: String) -> String {
        var clean = text
        for secret in secrets where !secret.isEmpty {
            clean = clean.replacingOccurrences(of: secret, with: "******")
        }
        return String(clean.prefix(500))
    }
}

/// What happened to one claimed row.
public enum OutboxOutcome: Sendable, Equatable {
    case sent, retrying, failed
}

/// Counts of one `deliverDue` run.
public struct OutboxRunSummary: Sendable, Equatable {
    /// Rows leased by this run.
    public var claimed = 0
    /// Rows the provider accepted.
    public var sent = 0
    /// Rows that failed temporarily and wait for a retry.
    public var retried = 0
    /// Rows the provider refused for good (or that ran out of attempts).
    public var failed = 0
    /// OTP rows not sent because their code expired or was replaced first (marked FAILED).
    public var expired = 0

    /// An empty summary.
    public init() {}
}
