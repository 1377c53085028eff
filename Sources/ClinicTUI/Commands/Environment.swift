import ArgumentParser
import ClinicCore
import Foundation

/// Settings every command reads: the environment, with `./.env` filling what is not set.
struct DeskEnvironment {
    let values: [String: String]

    init(processEnvironment: [String: String] = ProcessInfo.processInfo.environment, dotEnvPath: String = ".env") {
        var values = DeskEnvironment.parseDotEnv(atPath: dotEnvPath)
        values.merge(processEnvironment) { _, fromProcess in fromProcess }
        self.values = values
    }

    /// The database URL, or a clear error saying how to set it.
    func databaseURL() throws -> String {
        guard let url = values["DATABASE_URL"], !url.isEmpty else {
            throw ValidationError(
                "DATABASE_URL is not set. Set it in the environment or in ./.env (see .env.example); "
                    + "`make demo` sets it for the local demo database.")
        }
        return url
    }

    /// KEY=VALUE lines; blank lines and # comments ignored; optional surrounding quotes removed.
    static func parseDotEnv(atPath path: String) -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            var value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            values[key] = value
        }
        return values
    }
}

/// Prints a ClinicCore error in words and exits non-zero, instead of a Swift error dump.
func reportFailure(_ error: Error) -> ExitCode {
    var standardError = FileHandle.standardError
    print("clinic-desk: \(error)", to: &standardError)
    return ExitCode(1)
}

extension FileHandle: @retroactive TextOutputStream {
    public func write(_ string: String) {
        write(Data(string.utf8))
    }
}
