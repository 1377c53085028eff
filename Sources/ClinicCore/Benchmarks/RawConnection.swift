/// The benchmark's raw path: the same SQL through libpq with none of our layer (no actor, no
/// retries, no decoding). Lives in ClinicCore so that no other module touches libpq.
public final class RawConnection {
    private let connection: PostgresConnection

    /// Connects without the desk's session setup.
    public init(url: String) throws {
        connection = try PostgresConnection(url: url, applicationName: "clinic-desk bench raw")
    }

    /// Runs a statement and returns the row count.
    @discardableResult
    public func run(_ query: SQLQuery) throws -> Int {
        try connection.executeRaw(query.sql, parameters: query.parameters)
    }

    /// Opens and closes one bare libpq connection (PQconnectdb + PQfinish).
    public static func connectAndClose(url: String) throws {
        try PostgresConnection.probe(url: url)
    }
}
