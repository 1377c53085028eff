import Foundation

/// The centres a staff member may work at, with their time zones.
public struct CentreDirectory: Sendable {
    private let database: Database

    /// A directory over `database`.
    public init(database: Database) { self.database = database }

    /// Every centre's name by id (a clinician's hours may be at centres the reader does not work at).
    public func names() async throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for row in try await database.query("SELECT id, name FROM centres") { names[try row.decode("id")] = try row.decode("name") }
        return names
    }

    /// Active centres `actor` reaches (every centre for ADMIN and MANAGER), by name.
    public func centres(reachableBy actor: StaffActor) async throws -> [CentreSummary] {
        let rows = try await database.query("SELECT id, name, city, timezone FROM centres WHERE is_active ORDER BY name, id")
        return try rows.compactMap { row in
            let id: Int64 = try row.decode("id")
            guard actor.canReach(centre: id) else { return nil }
            return CentreSummary(id: id, name: try row.decode("name"), city: try row.decode("city"), timeZone: try row.decode("timezone"))
        }
    }
}

/// A centre as the desk shows it.
public struct CentreSummary: Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// Lower case, as the web stores it.
    public var city: String
    /// `centres.timezone`, e.g. "Asia/Kolkata".
    public var timeZone: String

    /// A centre.
    public init(id: Int64, name: String, city: String, timeZone: String) {
        self.id = id
        self.name = name
        self.city = city
        self.timeZone = timeZone
    }

    /// Seconds east of UTC at `instant` in the centre's zone (IST when the zone is unknown).
    public func offsetSeconds(at instant: Instant) -> Int {
        let date = Date(timeIntervalSince1970: Double(instant.microsecondsSinceEpoch / 1_000_000))
        return (TimeZone(identifier: timeZone) ?? TimeZone(identifier: "Asia/Kolkata"))?.secondsFromGMT(for: date) ?? 19_800
    }
}
