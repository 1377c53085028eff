import ClinicCore
import Foundation

/// The desk's settings: command line over environment over config file over defaults.
///
/// Keys: `DATABASE_URL`, `CLINIC_IDLE_LOCK_MINUTES`, `CLINIC_LOG_DIR`, `CLINIC_EXPORT_DIR`, `NO_COLOR`.
/// The file holds `KEY=value` lines (`~/.config/clinic-desk/config` unless `--config` names another).
struct DeskConfiguration: Equatable {
    static let keys = ["DATABASE_URL", "CLINIC_IDLE_LOCK_MINUTES", "CLINIC_LOG_DIR", "CLINIC_EXPORT_DIR", "NO_COLOR"]

    var values: [String: String]

    /// Merges the three sources; `./.env` counts as part of the environment (filling gaps only).
    static func load(commandLine: [String: String], environment: [String: String], configFile: String?) -> DeskConfiguration {
        let filePath = configFile ?? (environment["HOME"].map { $0 + "/.config/clinic-desk/config" } ?? "")
        var values = DeskEnvironment.parseDotEnv(atPath: filePath)
        values.merge(DeskEnvironment(processEnvironment: environment).values) { _, fromEnvironment in fromEnvironment }
        values.merge(commandLine) { _, fromCommandLine in fromCommandLine }
        return DeskConfiguration(values: values)
    }

    /// Minutes without a key before the desk locks itself (0 turns the lock off).
    /// - Throws: `ConfigurationError.invalid` for anything but a whole number from 0 to 240.
    func idleLockMinutes() throws -> Int {
        guard let text = values["CLINIC_IDLE_LOCK_MINUTES"], !text.isEmpty else { return 5 }
        guard let minutes = Int(text), (0...240).contains(minutes) else {
            throw ConfigurationError.invalid(
                key: "CLINIC_IDLE_LOCK_MINUTES", value: text, expected: "a whole number of minutes from 0 to 240")
        }
        return minutes
    }

    /// Where crash logs go.
    var logDirectory: String { values["CLINIC_LOG_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? ".clinic/logs" }

    /// Where the day list's CSV and printable files go (the directory the desk was started in by default).
    var exportDirectory: String {
        values["CLINIC_EXPORT_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.currentDirectoryPath
    }

    /// The channel this desk delivers waiting messages through, only when one is chosen explicitly
    /// (`CLINIC_MESSAGE_CHANNEL`, or Gallabox credentials): a desk that merely lacks settings must
    /// not take over everyone's messages (and the console channel writes codes to a local file).
    static func explicitChannel(_ values: [String: String]) throws -> (any MessageChannel)? {
        let chosen = values["CLINIC_MESSAGE_CHANNEL"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let hasGallabox = !(values["GALLABOX_API_KEY"] ?? "").isEmpty
        guard !chosen.isEmpty || hasGallabox else { return nil }
        return try MessageChannels.make(name: chosen.isEmpty ? nil : chosen, environment: values)
    }

    /// The database URL.
    func databaseURL() throws -> String {
        try DeskEnvironment(processEnvironment: values, dotEnvPath: "/nonexistent").databaseURL()
    }

    /// The environment the theme sees (NO_COLOR from any source).
    var themeEnvironment: [String: String] { values.filter { $0.key == "NO_COLOR" } }
}

/// A setting that cannot be used.
enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    case invalid(key: String, value: String, expected: String)

    var description: String {
        switch self {
        case .invalid(let key, let value, let expected): return "\(key)=\(value) is not valid: expected \(expected)."
        }
    }
}
