/// A way to deliver one WhatsApp template message: Gallabox in production, the console file in development.
///
/// `deliver` never throws: every outcome is a `DeliveryResult`, so the worker decides between SENT,
/// a retry and FAILED in one place.
public protocol MessageChannel: Sendable {
    /// A short name for logs and the status line ("gallabox", "console").
    var name: String { get }

    /// Sends one message and reports what the provider answered.
    func deliver(_ message: OutboundMessage) async -> DeliveryResult
}

/// One message as a channel sends it: recipient, template and the template's values (secrets included).
public struct OutboundMessage: Sendable, Equatable {
    /// The `notifications` row it comes from.
    public var notificationID: Int64
    /// Country code and number, digits only (`919845012345`), as Gallabox wants it.
    public var phone: String
    /// The recipient's name for the provider's contact record.
    public var recipientName: String
    /// The desk's template name (`otp_verification`); a channel may map it to its own name.
    public var template: String
    /// The template's named variables, for example `["otp": "123456"]`.
    public var bodyValues: [String: String]

    /// A message to `phone` using `template` with `bodyValues`.
    public init(notificationID: Int64, phone: String, recipientName: String, template: String, bodyValues: [String: String]) {
        self.notificationID = notificationID
        self.phone = phone
        self.recipientName = recipientName
        self.template = template
        self.bodyValues = bodyValues
    }
}

/// What became of one delivery attempt.
public enum DeliveryResult: Sendable, Equatable {
    /// The provider took the message (Gallabox: 202 ACCEPTED), with its message id when it gave one.
    case accepted(providerMessageID: String?)
    /// A temporary failure (5xx, 429, timeout, no connection): try again later, after
    /// `retryAfterSeconds` when the provider said so.
    case retryLater(reason: String, retryAfterSeconds: Int?)
    /// The provider refused the message for good (4xx other than 429), with its message.
    case rejected(reason: String)
}

/// The desk's message templates: names (the web's Gallabox names) and the text a patient reads.
public enum MessageTemplate {
    /// The web's WhatsApp authentication template; its one body value is `otp`.
    public static let otpVerification = "otp_verification"
    /// The body value that carries the code in `otpVerification`.
    public static let otpBodyKey = "otp"

    /// The text the patient would read on WhatsApp (the console channel writes it).
    public static func render(template: String, bodyValues: [String: String]) -> String {
        switch template {
        case otpVerification:
            let code = bodyValues[otpBodyKey] ?? "??????"
            return "\(code) is your verification code. For your security, do not share this code. It expires in 10 minutes."
        default:
            let values = bodyValues.keys.sorted().map { "\($0)=\(bodyValues[$0] ?? "")" }.joined(separator: ", ")
            return "[\(template)] \(values)"
        }
    }
}
