/// Chooses the message channel from settings: `gallabox` or `console`.
public enum MessageChannels {
    /// The names accepted by `--channel` and `CLINIC_MESSAGE_CHANNEL`.
    public static let names = ["gallabox", "console"]

    /// `CLINIC_MESSAGE_CHANNEL` when set; otherwise `gallabox` when `GALLABOX_API_KEY` is set, else `console`.
    public static func defaultName(environment: [String: String]) -> String {
        if let chosen = environment["CLINIC_MESSAGE_CHANNEL"]?.trimmingCharacters(in: .whitespaces).lowercased(), !chosen.isEmpty {
            return chosen
        }
        if let key = environment["GALLABOX_API_KEY"], !key.isEmpty { return "gallabox" }
        return "console"
    }

    /// The channel called `name` (nil: the default), configured from `environment`.
    /// - Throws: `MessageChannelError.unknownChannel`, `.missingSetting`, `.invalidSetting`.
    public static func make(name: String?, environment: [String: String]) throws -> any MessageChannel {
        let chosen = name?.lowercased() ?? defaultName(environment: environment)
        switch chosen {
        case "gallabox": return GallaboxClient(configuration: try GallaboxConfiguration(environment: environment))
        case "console": return ConsoleChannel()
        default: throw MessageChannelError.unknownChannel(chosen)
        }
    }
}

/// A channel could not be set up from the settings.
public enum MessageChannelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not `gallabox` or `console`.
    case unknownChannel(String)
    /// A required setting (environment variable) is empty or missing.
    case missingSetting(String)
    /// A setting has a value that cannot be used.
    case invalidSetting(String)

    public var description: String {
        switch self {
        case .unknownChannel(let name):
            return "Unknown message channel \"\(name)\": use gallabox or console."
        case .missingSetting(let key):
            return "\(key) is not set. Set it in the environment or in ./.env (see .env.example), or use --channel console."
        case .invalidSetting(let key):
            return "\(key) has a value that cannot be used; see .env.example."
        }
    }
}
