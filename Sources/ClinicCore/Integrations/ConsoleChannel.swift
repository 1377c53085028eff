import Foundation

/// The development channel: nothing goes to WhatsApp; each message, rendered as the patient would
/// read it (OTPs included), is appended to a file only its owner can read (mode 0600).
///
/// For development and the offline demo only; `startupNotice` says so and must be shown on start.
public struct ConsoleChannel: MessageChannel {
    public let name = "console"
    /// Where messages are appended (`.clinic/outbox.log` under the working directory by default).
    public let logPath: String

    /// A console channel writing to `logPath`.
    public init(logPath: String = ".clinic/outbox.log") { self.logPath = logPath }

    /// The line to show when the channel starts.
    public var startupNotice: String {
        // What matters first (nothing reaches a patient), so a narrow screen cuts only the path.
        "No WhatsApp is sent (development only); messages are written to \(logPath) (readable by you only)."
    }

    public func deliver(_ message: OutboundMessage) async -> DeliveryResult {
        let stamp = ISO8601DateFormatter().string(from: Date())
        let text = MessageTemplate.render(template: message.template, bodyValues: message.bodyValues)
        let entry =
            "\(stamp) notification \(message.notificationID) to \(message.phone) (\(message.recipientName)) "
            + "template \(message.template)\n    \(text)\n"
        do {
            try append(entry)
            return .accepted(providerMessageID: "console-\(message.notificationID)")
        } catch {
            return .retryLater(reason: "Could not write \(logPath): \(error)", retryAfterSeconds: nil)
        }
    }

    private func append(_ entry: String) throws {
        let directory = (logPath as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let descriptor = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ConsoleChannelError(code: errno) }
        defer { close(descriptor) }
        // An older file keeps its mode on open: narrow it to the owner, as promised.
        guard fchmod(descriptor, 0o600) == 0 else { throw ConsoleChannelError(code: errno) }
        let bytes = Array(entry.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw ConsoleChannelError(code: errno)
            }
            offset += written
        }
    }
}

/// A file error of the console channel.
struct ConsoleChannelError: Error, CustomStringConvertible {
    var code: Int32
    var description: String { String(cString: strerror(code)) }
}
