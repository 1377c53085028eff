import ClinicCore
import Foundation

/// A throwaway database on the PostgreSQL that `make test` starts, created per test and dropped after.
///
/// Configured only by `CLINIC_TEST_ADMIN_URL` (a libpq URI to the cluster's `postgres` database). When
/// it is missing the test fails with a message; it never passes silently.
struct TestDatabase: Sendable {
    let name: String
    let url: String
    let database: Database

    /// The repository's top directory (this file is Tests/ClinicCoreTests/Support/TestDatabase.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The cluster's administrative URL.
    static func adminURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["CLINIC_TEST_ADMIN_URL"], !url.isEmpty else {
            throw TestSetupError("CLINIC_TEST_ADMIN_URL is not set: run the tests with `make test`, which starts PostgreSQL.")
        }
        return url
    }

    /// schema.sql from the checkout.
    static func schemaScript() throws -> SchemaScript {
        try SchemaScript(path: repositoryRoot.appendingPathComponent("schema.sql").path)
    }

    /// An empty database named `<prefix>_<random>`.
    static func create(prefix: String) async throws -> TestDatabase {
        let admin = try adminURL()
        let name = "\(prefix)_\(UInt32.random(in: 0...UInt32.max))".lowercased()
        // The name is generated here (letters, digits, underscore), so it is safe as an identifier.
        try await Database(url: admin).execute(SQLQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        let url = try replacingDatabase(in: admin, with: name)
        return TestDatabase(name: name, url: url, database: Database(url: url))
    }

    /// An empty database with schema.sql applied.
    static func createWithSchema(prefix: String) async throws -> TestDatabase {
        let test = try await create(prefix: prefix)
        try await SchemaManager(database: test.database).apply(try schemaScript())
        return test
    }

    /// Runs `body` on a fresh database (schema.sql applied when `schema` is true) and always drops it.
    static func with<T: Sendable>(
        prefix: String, schema: Bool = true,
        _ body: (TestDatabase) async throws -> T
    ) async throws -> T {
        let test = schema ? try await createWithSchema(prefix: prefix) : try await create(prefix: prefix)
        do {
            let value = try await body(test)
            await test.drop()
            return value
        } catch {
            await test.drop()
            throw error
        }
    }

    /// Drops the database (closing this handle's connection first).
    func drop() async {
        await database.disconnect()
        guard let admin = try? TestDatabase.adminURL() else { return }
        _ = try? await Database(url: admin).execute(SQLQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
    }

    /// Loads a SQL file (fixtures) with the simple protocol, as psql -f would.
    func load(fixture relativePath: String) async throws {
        let path = TestDatabase.repositoryRoot.appendingPathComponent(relativePath).path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw TestSetupError("fixture \(relativePath) is missing")
        }
        try await database.runScript(text)
    }

    /// Replaces the database name in a libpq URI or key=value string.
    static func replacingDatabase(in url: String, with name: String) throws -> String {
        try ConnectionURL.replacingDatabase(in: url, with: name)
    }
}

/// A test could not be set up (no database configured, fixture missing).
struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
