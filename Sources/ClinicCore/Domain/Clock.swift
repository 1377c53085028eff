/// The one source of "now" for pure rules. Production reads the database's clock (the same `now()`
/// the SQL rules use); tests inject a fixed instant. Nobody sleeps to move time.
public protocol Clock: Sendable {
    /// The current instant.
    func now() async throws -> Instant
}

/// Reads `now()` from PostgreSQL, so desk and SQL rules agree even if this machine's clock drifts.
public struct DatabaseClock: Clock {
    private let database: Database

    /// A clock backed by `database`.
    public init(database: Database) { self.database = database }

    public func now() async throws -> Instant {
        guard let row = try await database.query("SELECT now() AS now").first else {
            throw DatabaseError.decodingFailed(column: "now", expected: "timestamptz")
        }
        return try row.decode("now")
    }

    /// Today's date in `zone` by the database clock (e.g. the demo's "today" in India).
    public func today(inZone zone: String) async throws -> LocalDate {
        let rows = try await database.query("SELECT (now() AT TIME ZONE \(zone))::date AS today")
        guard let row = rows.first else { throw DatabaseError.decodingFailed(column: "today", expected: "date") }
        return try row.decode("today")
    }
}

/// A clock that always answers the same instant (tests).
public struct FixedClock: Clock {
    /// The instant it answers.
    public var instant: Instant

    /// A clock stopped at `instant`.
    public init(_ instant: Instant) { self.instant = instant }

    public func now() async throws -> Instant { instant }
}
