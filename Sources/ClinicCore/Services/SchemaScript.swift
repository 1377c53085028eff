import Foundation

/// schema.sql: where it is, its text, and the version it brings a database to.
public struct SchemaScript: Sendable {
    /// The desk schema version this program needs; schema.sql's `this_version` must equal it.
    public static let requiredVersion = 6

    /// The full text, for `psql -f`-equivalent application.
    public let text: String
    /// Where it was read from.
    public let path: String

    /// Reads schema.sql from `path`.
    /// - Throws: `SchemaError.scriptNotFound` when the file cannot be read.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw SchemaError.scriptNotFound(searched: [path])
        }
        self.text = text
        self.path = path
    }

    /// Finds schema.sql: `$CLINIC_SCHEMA_FILE`, then the working directory and its parents, then the
    /// directories above the executable (a `.build/debug/clinic-desk` inside the checkout).
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SchemaScript {
        var candidates: [String] = []
        if let explicit = environment["CLINIC_SCHEMA_FILE"], !explicit.isEmpty { candidates.append(explicit) }
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent("schema.sql").path)
            directory.deleteLastPathComponent()
        }
        var executableDirectory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(executableDirectory.appendingPathComponent("schema.sql").path)
            executableDirectory.deleteLastPathComponent()
        }
        for candidate in candidates where FileManager.default.isReadableFile(atPath: candidate) {
            return try SchemaScript(path: candidate)
        }
        throw SchemaError.scriptNotFound(searched: candidates)
    }

    /// The version schema.sql declares (`this_version CONSTANT integer := N`).
    public var declaredVersion: Int? {
        guard let range = text.range(of: "this_version CONSTANT integer := ") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// The script without its own `BEGIN;`/`COMMIT;`, for a dry run inside a transaction that is
    /// rolled back (`db doctor`).
    public var bodyWithoutTransaction: String {
        var lines = text.components(separatedBy: "\n")
        if let begin = lines.firstIndex(of: "BEGIN;") { lines.remove(at: begin) }
        if let commit = lines.lastIndex(of: "COMMIT;") { lines.remove(at: commit) }
        return lines.joined(separator: "\n")
    }
}

/// Problems applying or checking schema.sql.
public enum SchemaError: Error, Equatable, Sendable, CustomStringConvertible {
    case scriptNotFound(searched: [String])
    /// Existing rows would break a desk constraint; the upgrade changed nothing.
    case existingDataViolations(summary: String, rows: [String])

    public var description: String {
        switch self {
        case .scriptNotFound(let searched):
            return "schema.sql not found. Set CLINIC_SCHEMA_FILE or run from the checkout. Looked in: "
                + searched.prefix(4).joined(separator: ", ")
        case .existingDataViolations(let summary, let rows):
            return ([summary] + rows.map { "  - \($0)" }).joined(separator: "\n")
        }
    }
}
