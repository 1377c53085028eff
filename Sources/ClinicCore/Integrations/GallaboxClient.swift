import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends WhatsApp template messages through Gallabox's API: `POST {base}/devapi/messages/whatsapp`
/// with the `apiKey` and `apiSecret` headers and a JSON body
/// `{channelId, channelType: "whatsapp", recipient: {name, phone}, whatsapp: {type: "template",
/// template: {templateName, bodyValues: {…}}}}`; Gallabox answers 202 `{id, status: "ACCEPTED", message}`.
///
/// 2xx → accepted with the message id; 429, 5xx, a timeout or no connection → retry later;
/// any other 4xx → rejected with Gallabox's `message` (or the raw body).
public struct GallaboxClient: MessageChannel {
    public let name = "gallabox"
    /// Keys, channel, base URL, template names and timeout.
    public let configuration: GallaboxConfiguration
    private let session: URLSession

    /// A client for `configuration`.
    public init(configuration: GallaboxConfiguration) {
        self.configuration = configuration
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.timeoutSeconds
        sessionConfiguration.timeoutIntervalForResource = configuration.timeoutSeconds
        sessionConfiguration.httpMaximumConnectionsPerHost = 4
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.session = URLSession(configuration: sessionConfiguration)
    }

    public func deliver(_ message: OutboundMessage) async -> DeliveryResult {
        let request: URLRequest
        do {
            request = try makeRequest(for: message)
        } catch {
            return .rejected(reason: "The message could not be built for Gallabox: \(error)")
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch let error as URLError where error.code == .timedOut {
            return .retryLater(
                reason: "No answer from Gallabox within \(Int(configuration.timeoutSeconds.rounded(.up))) s (timeout).",
                retryAfterSeconds: nil)
        } catch {
            return .retryLater(reason: "Could not reach Gallabox: \(GallaboxClient.describe(error)).", retryAfterSeconds: nil)
        }
        guard let http = response as? HTTPURLResponse else {
            return .retryLater(reason: "Gallabox gave an answer that is not HTTP.", retryAfterSeconds: nil)
        }
        return GallaboxClient.interpret(status: http.statusCode, body: data, headers: http.allHeaderFields)
    }

    /// The HTTP request for `message` (exposed for tests and `outbox` diagnostics).
    public func makeRequest(for message: OutboundMessage) throws -> URLRequest {
        var request = URLRequest(url: configuration.messagesURL, timeoutInterval: configuration.timeoutSeconds)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue(configuration.apiKey, forHTTPHeaderField: "apiKey")
        request.setValue(configuration.apiSecret, forHTTPHeaderField: "apiSecret")
        let body = RequestBody(
            channelId: configuration.channelID, channelType: "whatsapp",
            recipient: .init(name: message.recipientName.isEmpty ? "Patient" : message.recipientName, phone: message.phone),
            whatsapp: .init(
                type: "template",
                template: .init(templateName: configuration.templateName(for: message.template), bodyValues: message.bodyValues)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        request.httpBody = try encoder.encode(body)
        return request
    }

    /// Turns Gallabox's answer into a delivery result.
    static func interpret(status: Int, body: Data, headers: [AnyHashable: Any]) -> DeliveryResult {
        let answer = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
        switch status {
        case 200..<300:
            return .accepted(providerMessageID: answer?["id"] as? String)
        case 429:
            return .retryLater(
                reason: "Gallabox rate limit (429): \(providerMessage(answer, body))", retryAfterSeconds: retryAfter(headers))
        case 500..<600:
            return .retryLater(reason: "Gallabox server error (\(status)): \(providerMessage(answer, body))", retryAfterSeconds: nil)
        case 400..<500:
            return .rejected(reason: "Gallabox refused the message (\(status)): \(providerMessage(answer, body))")
        default:
            return .retryLater(reason: "Gallabox answered HTTP \(status).", retryAfterSeconds: nil)
        }
    }

    /// Gallabox's `message` (or `error.message`, or the raw body), shortened.
    static func providerMessage(_ answer: [String: Any]?, _ body: Data) -> String {
        if let message = answer?["message"] as? String { return String(message.prefix(300)) }
        if let error = answer?["error"] as? [String: Any], let message = (error["message"] ?? error["description"]) as? String {
            return String(message.prefix(300))
        }
        let raw = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return raw.isEmpty ? "(no message)" : raw
    }

    /// Seconds to wait from `Retry-After` or `X-RateLimit-Reset` (epoch seconds), when given.
    static func retryAfter(_ headers: [AnyHashable: Any]) -> Int? {
        func header(_ name: String) -> String? {
            for (key, value) in headers where (key as? String)?.lowercased() == name.lowercased() { return value as? String }
            return nil
        }
        if let text = header("Retry-After"), let seconds = Int(text.trimmingCharacters(in: .whitespaces)) { return max(0, seconds) }
        if let text = header("X-RateLimit-Reset"), let reset = Double(text.trimmingCharacters(in: .whitespaces)) {
            return max(0, Int((reset - Date().timeIntervalSince1970).rounded(.up)))
        }
        return nil
    }

    private static func describe(_ error: Error) -> String {
        if let urlError = error as? URLError { return "network error \(urlError.code.rawValue)" }
        return String(describing: type(of: error))
    }

    private struct RequestBody: Encodable {
        struct Recipient: Encodable {
            var name: String
            var phone: String
        }
        struct Template: Encodable {
            var templateName: String
            var bodyValues: [String: String]
        }
        struct WhatsApp: Encodable {
            var type: String
            var template: Template
        }
        var channelId: String
        var channelType: String
        var recipient: Recipient
        var whatsapp: WhatsApp
    }
}

/// Gallabox settings, normally from the environment (`GALLABOX_*`).
public struct GallaboxConfiguration: Sendable, Equatable {
    /// Gallabox's API host.
    public static let defaultBaseURL = "https://server.gallabox.com"

    /// The `apiKey` header.
    public var apiKey: String
    /// The `apiSecret` header.
    public var apiSecret: String
    /// The WhatsApp channel (sender number) id.
    public var channelID: String
    /// Scheme and host (a fake server's in tests).
    public var baseURL: URL
    /// Desk template name → Gallabox template name, where they differ.
    public var templateNames: [String: String]
    /// How long one request may take before it counts as lost (and is retried).
    public var timeoutSeconds: Double

    /// Settings given explicitly.
    public init(
        apiKey: String, apiSecret: String, channelID: String, baseURL: URL, templateNames: [String: String] = [:],
        timeoutSeconds: Double = 15
    ) {
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        self.channelID = channelID
        self.baseURL = baseURL
        self.templateNames = templateNames
        self.timeoutSeconds = timeoutSeconds
    }

    /// Reads `GALLABOX_API_KEY`, `GALLABOX_API_SECRET`, `GALLABOX_CHANNEL_ID` (required) and
    /// `GALLABOX_BASE_URL`, `GALLABOX_OTP_TEMPLATE`, `GALLABOX_TIMEOUT_SECONDS` (optional).
    /// - Throws: `MessageChannelError.missingSetting` or `.invalidSetting`.
    public init(environment: [String: String]) throws {
        func required(_ key: String) throws -> String {
            guard let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                throw MessageChannelError.missingSetting(key)
            }
            return value
        }
        let base = environment["GALLABOX_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? GallaboxConfiguration.defaultBaseURL
        guard let url = URL(string: base), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw MessageChannelError.invalidSetting("GALLABOX_BASE_URL")
        }
        var templates: [String: String] = [:]
        if let otp = environment["GALLABOX_OTP_TEMPLATE"], !otp.isEmpty { templates[MessageTemplate.otpVerification] = otp }
        var timeout = 15.0
        if let text = environment["GALLABOX_TIMEOUT_SECONDS"], !text.isEmpty {
            // Whole seconds: Foundation's HTTP client on Linux drops a fraction, so 0.5 would mean "give up at once".
            guard let value = Int(text), value >= 1 else { throw MessageChannelError.invalidSetting("GALLABOX_TIMEOUT_SECONDS") }
            timeout = Double(value)
        }
        self.init(
            apiKey: try required("GALLABOX_API_KEY"), apiSecret: try required("GALLABOX_API_SECRET"),
            channelID: try required("GALLABOX_CHANNEL_ID"), baseURL: url, templateNames: templates, timeoutSeconds: timeout)
    }

    /// The Gallabox template for a desk template (the same name unless configured).
    public func templateName(for template: String) -> String { templateNames[template] ?? template }

    /// `{base}/devapi/messages/whatsapp`.
    public var messagesURL: URL { baseURL.appendingPathComponent("devapi/messages/whatsapp") }
}
