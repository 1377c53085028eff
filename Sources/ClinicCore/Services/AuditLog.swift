/// The desk's append-only, hash-chained audit log of staff actions (`desk_audit_log`).
///
/// The database places each row at the end of its centre's chain and computes its hash; UPDATE,
/// DELETE and TRUNCATE are refused by triggers. `verify` recomputes every hash here, independently.
public struct AuditLog: Sendable {
    private let database: Database

    /// The audit log of `database`.
    public init(database: Database) { self.database = database }

    /// Appends one entry inside the caller's transaction, so the action and its record commit together.
    /// The chain position and hashes are filled in by the database's trigger.
    /// - Returns: the new row's id.
    @discardableResult
    public static func record(_ entry: AuditEntry, in session: DatabaseSession) throws -> Int64 {
        let row = try session.queryOne(
            """
            INSERT INTO desk_audit_log (actor_user_id, centre_id, action, entity_type, entity_id, host, details)
            VALUES (\(entry.actorUserID), \(entry.centreID), \(entry.action), \(entry.entityType), \(entry.entityID),
                    \(entry.host), \(entry.detailsJSON)::jsonb)
            RETURNING id
            """)
        return try row.decode("id")
    }

    /// Appends one entry in its own transaction.
    @discardableResult
    public func record(_ entry: AuditEntry) async throws -> Int64 {
        try await database.transaction { session in try AuditLog.record(entry, in: session) }
    }

    /// Recomputes every row's hash and link, chain by chain.
    public func verify() async throws -> AuditVerification {
        let rows = try await database.query(
            """
            SELECT id, chain_key, chain_seq, prev_hash, row_hash,
                   desk_audit_canonical(prev_hash, chain_key, chain_seq, occurred_at, actor_user_id, centre_id,
                                        action, entity_type, entity_id, host, details) AS canonical
            FROM desk_audit_log
            ORDER BY chain_key, chain_seq
            """)
        var problems: [String] = []
        var chains = Set<String>()
        var previous: (chain: String, seq: Int64, hash: [UInt8])?
        let genesis = [UInt8](repeating: 0, count: 32)
        for row in rows {
            let id: Int64 = try row.decode("id")
            let chain: String = try row.decode("chain_key")
            let seq: Int64 = try row.decode("chain_seq")
            let prevHash: ByteString = try row.decode("prev_hash")
            let rowHash: ByteString = try row.decode("row_hash")
            let canonical: String = try row.decode("canonical")
            chains.insert(chain)
            let expectedSeq = previous?.chain == chain ? (previous?.seq ?? 0) + 1 : 1
            let expectedPrev = previous?.chain == chain ? (previous?.hash ?? genesis) : genesis
            if seq != expectedSeq {
                problems.append("chain \(chain): row \(id) is at position \(seq), expected \(expectedSeq) (rows missing)")
            }
            if !Digest.constantTimeEquals(prevHash.bytes, expectedPrev) {
                problems.append("chain \(chain): row \(id) does not link to the row before it")
            }
            if !Digest.constantTimeEquals(Digest.sha256(canonical), rowHash.bytes) {
                problems.append("chain \(chain): row \(id) was altered after it was written (hash mismatch)")
            }
            previous = (chain, seq, rowHash.bytes)
        }
        return AuditVerification(rowsChecked: rows.count, chains: chains.count, problems: problems)
    }
}

/// One staff action to record.
public struct AuditEntry: Sendable, Equatable {
    public var actorUserID: Int64?
    public var centreID: Int64?
    public var action: String
    public var entityType: String
    public var entityID: Int64?
    public var host: String?
    /// A JSON object with the action's details (before/after values); never OTPs or passwords.
    public var detailsJSON: String

    /// An entry; `detailsJSON` must be a JSON object.
    public init(
        actorUserID: Int64?, centreID: Int64?, action: String, entityType: String, entityID: Int64?,
        host: String?, detailsJSON: String = "{}"
    ) {
        self.actorUserID = actorUserID
        self.centreID = centreID
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.host = host
        self.detailsJSON = detailsJSON
    }
}

/// The outcome of `AuditLog.verify`.
public struct AuditVerification: Sendable, Equatable {
    public var rowsChecked: Int
    public var chains: Int
    /// One sentence per broken link or altered row; empty when the log is intact.
    public var problems: [String]

    /// True when every row's hash and link check out.
    public var isIntact: Bool { problems.isEmpty }
}
