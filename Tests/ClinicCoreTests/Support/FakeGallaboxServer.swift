import ClinicCore
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback stand-in for Gallabox's `POST /devapi/messages/whatsapp`, checking requests the way the
/// real API does (payments-messaging.md B1–B3, B6): `apiKey`/`apiSecret` headers (names in any case)
/// → 401; a JSON body with `channelId`, `channelType == "whatsapp"`, `recipient.phone` (digits only),
/// `whatsapp.type`, and for templates `templateName` and an object `bodyValues` → else 400; then the
/// next scripted reply (202 ACCEPTED by default, or 4xx, 5xx, 429, or no answer at all).
final class FakeGallaboxServer: Sendable {
    /// What to answer a valid request with.
    enum Reply: Sendable, Equatable {
        /// 202 `{id, status: "ACCEPTED", message}`.
        case accept
        /// `status` with the mock-only `{status, message}` error body.
        case status(Int, message: String)
        /// 429 with the documented body and `X-RateLimit-*` headers (reset `resetSeconds` ahead).
        case rateLimited(resetSeconds: Int)
        /// Read the request and never answer (the client's timeout fires).
        case noAnswer
    }

    /// One request as received.
    struct Request: Sendable {
        var method: String
        var path: String
        /// Header names lower-cased.
        var headers: [String: String]
        var body: Data
        /// The HTTP status answered (nil: no answer).
        var answeredStatus: Int?

        /// The body as a JSON object.
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
    }

    static let apiKey = "gb_test_FAKEKEY000001"
    static let apiSecret = "gb_test_FAKESECRET0001"
    static let channelID = "64f0c0ffee0ddba11c0ffee1"

    let port: UInt16
    private let listener: Int32
    private let state = Mutex(State())

    private struct State {
        var replies: [Reply] = []
        var requests: [Request] = []
        var stopped = false
        var nextID = 1
    }

    /// Starts listening on 127.0.0.1 on a free port.
    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestSetupError("fake Gallabox: socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw TestSetupError("fake Gallabox: bind/listen failed")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = descriptor
        let server = self
        Thread.detachNewThread { server.acceptLoop() }
    }

    /// `http://127.0.0.1:<port>`.
    var baseURL: URL {
        guard let url = URL(string: "http://127.0.0.1:\(port)") else { preconditionFailure("bad URL") }
        return url
    }

    /// Client settings that reach this server with the right keys.
    func configuration(timeoutSeconds: Double = 10, templateNames: [String: String] = [:]) -> GallaboxConfiguration {
        GallaboxConfiguration(
            apiKey: Self.apiKey, apiSecret: Self.apiSecret, channelID: Self.channelID, baseURL: baseURL,
            templateNames: templateNames, timeoutSeconds: timeoutSeconds)
    }

    /// Replies for the next valid requests, in order; afterwards every valid request is accepted.
    func script(_ replies: Reply...) {
        state.withLock { $0.replies.append(contentsOf: replies) }
    }

    /// Every request received so far.
    var requests: [Request] { state.withLock { $0.requests } }

    /// Stops accepting connections and closes the listening socket.
    func stop() {
        let wasStopped = state.withLock { state in
            defer { state.stopped = true }
            return state.stopped
        }
        if !wasStopped { shutdown(listener, Int32(SHUT_RDWR)) }
    }

    deinit {
        close(listener)
    }

    // MARK: - Serving

    private var isStopped: Bool { state.withLock { $0.stopped } }

    private func acceptLoop() {
        while !isStopped {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            let server = self
            Thread.detachNewThread { server.serve(connection) }
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard var request = readRequest(connection) else { return }
        let (status, headers, body) = answer(to: request)
        request.answeredStatus = status
        state.withLock { $0.requests.append(request) }
        guard let status else {
            // No answer: wait (bounded) until the client gives up and closes, or the server stops.
            let deadline = Date().addingTimeInterval(10)
            var buffer = [UInt8](repeating: 0, count: 512)
            while Date() < deadline && !isStopped {
                var poller = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
                if poll(&poller, 1, 50) > 0 && recv(connection, &buffer, buffer.count, 0) <= 0 { return }
            }
            return
        }
        var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Type: application/json\r\n"
        text += "Content-Length: \(body.count)\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        sendAll(connection, Array(text.utf8) + Array(body))
    }

    /// The status, extra headers and body for a request (nil status: do not answer).
    private func answer(to request: Request) -> (Int?, [String: String], Data) {
        func error(_ status: Int, _ code: String, _ message: String) -> (Int?, [String: String], Data) {
            (status, [:], Self.json(["status": code, "message": message]))
        }
        guard request.method == "POST", request.path == "/devapi/messages/whatsapp" else {
            return error(404, "NOT_FOUND", "Cannot \(request.method) \(request.path)")
        }
        guard request.headers["apikey"] == Self.apiKey, request.headers["apisecret"] == Self.apiSecret else {
            return error(401, "UNAUTHORIZED", "Invalid apiKey or apiSecret")
        }
        guard request.headers["content-type"]?.lowercased().hasPrefix("application/json") == true else {
            return error(400, "BAD_REQUEST", "Content-Type must be application/json")
        }
        if let problem = Self.problem(in: request.json) { return error(400, "BAD_REQUEST", problem) }
        let reply = state.withLock { state -> Reply in state.replies.isEmpty ? .accept : state.replies.removeFirst() }
        let limits = ["X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "59"]
        switch reply {
        case .accept:
            let number = state.withLock { state -> Int in
                defer { state.nextID += 1 }
                return state.nextID
            }
            let id = String(format: "66a7699b87b97af3%08x", number)
            return (
                202, limits,
                Self.json(["id": id, "status": "ACCEPTED", "message": "Message received and being sent to recipient"])
            )
        case .status(let status, let message):
            return error(status, status >= 500 ? "SERVER_ERROR" : "ERROR", message)
        case .rateLimited(let seconds):
            let reset = String(Int(Date().timeIntervalSince1970) + seconds)
            return (
                429, ["X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset],
                Self.json(["status": "TOO_MANY_REQUEST", "message": "API rate limit exceeded. Please try again in 60 seconds"])
            )
        case .noAnswer:
            return (nil, [:], Data())
        }
    }

    /// What the real API would refuse in a send-message body, or nil.
    static func problem(in body: [String: Any]?) -> String? {
        guard let body else { return "Body must be a JSON object" }
        guard let channel = body["channelId"] as? String, channel == channelID else { return "channelId is invalid" }
        guard body["channelType"] as? String == "whatsapp" else { return "channelType must be whatsapp" }
        guard let recipient = body["recipient"] as? [String: Any], let phone = recipient["phone"] as? String,
            !phone.isEmpty, phone.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return "recipient.phone must be digits with the country code" }
        guard let whatsapp = body["whatsapp"] as? [String: Any], let type = whatsapp["type"] as? String else {
            return "whatsapp.type is required"
        }
        if type == "template" {
            guard let template = whatsapp["template"] as? [String: Any], let name = template["templateName"] as? String,
                !name.isEmpty
            else { return "whatsapp.template.templateName is required" }
            if let values = template["bodyValues"], !(values is [String: Any]) { return "bodyValues must be an object" }
        }
        return nil
    }

    // MARK: - HTTP plumbing

    private func readRequest(_ connection: Int32) -> Request? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(5)
        var headerEnd: Int?
        var contentLength = 0
        var sentContinue = false
        while Date() < deadline {
            if let end = headerEnd, received.count >= end + contentLength { break }
            var poller = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) >= 0 else { return nil }
            guard poller.revents != 0 else { continue }
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            received.append(contentsOf: buffer[0..<count])
            if headerEnd == nil, let end = Self.headerEnd(received) {
                headerEnd = end
                let head = String(decoding: received[0..<end], as: UTF8.self)
                contentLength = Self.headers(head)["content-length"].flatMap { Int($0) } ?? 0
                if !sentContinue, Self.headers(head)["expect"]?.lowercased() == "100-continue" {
                    sentContinue = true
                    sendAll(connection, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
                }
            }
        }
        guard let end = headerEnd, received.count >= end + contentLength else { return nil }
        let head = String(decoding: received[0..<end], as: UTF8.self)
        let requestLine = head.split(separator: "\r\n", maxSplits: 1).first?.split(separator: " ") ?? []
        guard requestLine.count >= 2 else { return nil }
        return Request(
            method: String(requestLine[0]), path: String(requestLine[1]), headers: Self.headers(head),
            body: Data(received[end..<(end + contentLength)]), answeredStatus: nil)
    }

    private static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index + 4
        }
        return nil
    }

    private static func headers(_ head: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in head.components(separatedBy: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    private func sendAll(_ connection: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            offset += count
        }
    }

    private static func json(_ object: [String: String]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 202: return "Accepted"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}
