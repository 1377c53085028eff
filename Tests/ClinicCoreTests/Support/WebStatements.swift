import ClinicCore
import Foundation

/// The web backend's statements (web-flow-statements.sql): one comment line naming the source, then
/// one statement; entries separated by blank lines.
struct WebStatements {
    struct Entry {
        var source: String
        var sql: String
        var parameterCount: Int
    }

    var entries: [Entry]
    var path: String

    /// The shared reference copy when present (it is the newest), else the copy kept with the tests.
    static func load() throws -> WebStatements {
        let root = TestDatabase.repositoryRoot
        let candidates = [
            root.deletingLastPathComponent().appendingPathComponent("shared/reference/web-flow-statements.sql").path,
            root.appendingPathComponent("Tests/Fixtures/web/web-flow-statements.sql").path,
        ]
        for path in candidates {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                return WebStatements(entries: parse(text), path: path)
            }
        }
        throw TestSetupError("could not run: web-flow-statements.sql is absent (looked in \(candidates.joined(separator: ", ")))")
    }

    static func parse(_ text: String) -> [Entry] {
        text.components(separatedBy: "\n\n").compactMap { block in
            let lines = block.split(separator: "\n").map(String.init)
            let comments = lines.filter { $0.hasPrefix("--") }
            let sql = lines.filter { !$0.hasPrefix("--") }.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !sql.isEmpty else { return nil }
            let statement = sql.hasSuffix(";") ? String(sql.dropLast()) : sql
            var highest = 0
            var scanner = statement[...]
            while let dollar = scanner.firstIndex(of: "$") {
                let digits = scanner[scanner.index(after: dollar)...].prefix { $0.isNumber }
                if let number = Int(digits) { highest = max(highest, number) }
                scanner = scanner[scanner.index(after: dollar)...]
            }
            return Entry(source: comments.last ?? "(unnamed)", sql: statement, parameterCount: highest)
        }
    }

    /// The entries that do not PREPARE and plan (EXPLAIN EXECUTE with NULL arguments), with the error.
    func failures(on database: Database) async throws -> [String] {
        let entries = self.entries
        return try await database.withSession { session in
            var failures: [String] = []
            for (index, entry) in entries.enumerated() {
                let name = "web_stmt_\(index)"
                let arguments =
                    entry.parameterCount == 0
                    ? "" : "(" + Array(repeating: "NULL", count: entry.parameterCount).joined(separator: ", ") + ")"
                do {
                    // Statements come from the reference file, not from users.
                    try session.execute(SQLQuery(unsafeSQL: "PREPARE \(name) AS \(entry.sql)"))
                    try session.query(SQLQuery(unsafeSQL: "EXPLAIN EXECUTE \(name)\(arguments)"))
                    try session.execute(SQLQuery(unsafeSQL: "DEALLOCATE \(name)"))
                } catch {
                    failures.append("\(entry.source): \(error)")
                }
            }
            return failures
        }
    }
}
