import ClinicCore
import Foundation
import Testing

@Suite("Gallabox client against a loopback fake of the WhatsApp template API")
struct GallaboxClientTests {
    static func otpMessage(code: String = "482913") -> OutboundMessage {
        OutboundMessage(
            notificationID: 41, phone: "919845012345", recipientName: "Asha Rao", template: MessageTemplate.otpVerification,
            bodyValues: ["otp": code])
    }

    @Test("a send is POST /devapi/messages/whatsapp with apiKey/apiSecret headers and the template JSON; 202 gives the message id")
    func acceptedSend() async throws {
        let server = try FakeGallaboxServer()
        defer { server.stop() }
        let result = await GallaboxClient(configuration: server.configuration()).deliver(Self.otpMessage())
        guard case .accepted(let id) = result else {
            Issue.record("expected accepted, got \(result)")
            return
        }
        #expect(id?.count == 24)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/devapi/messages/whatsapp")
        #expect(request.headers["apikey"] == FakeGallaboxServer.apiKey)
        #expect(request.headers["apisecret"] == FakeGallaboxServer.apiSecret)
        #expect(request.headers["authorization"] == nil)
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.answeredStatus == 202)
        let body = try #require(request.json)
        #expect(body["channelId"] as? String == FakeGallaboxServer.channelID)
        #expect(body["channelType"] as? String == "whatsapp")
        let recipient = try #require(body["recipient"] as? [String: Any])
        #expect(recipient["phone"] as? String == "919845012345")
        #expect(recipient["name"] as? String == "Asha Rao")
        let whatsapp = try #require(body["whatsapp"] as? [String: Any])
        #expect(whatsapp["type"] as? String == "template")
        let template = try #require(whatsapp["template"] as? [String: Any])
        #expect(template["templateName"] as? String == "otp_verification")
        #expect(template["bodyValues"] as? [String: String] == ["otp": "482913"])
        #expect(Set(body.keys) == ["channelId", "channelType", "recipient", "whatsapp"])
    }

    @Test("a configured template name replaces the web's default")
    func configuredTemplateName() async throws {
        let server = try FakeGallaboxServer()
        defer { server.stop() }
        let client = GallaboxClient(configuration: server.configuration(templateNames: ["otp_verification": "clinic_otp_v2"]))
        _ = await client.deliver(Self.otpMessage())
        let template = try #require(
            ((server.requests.first?.json?["whatsapp"] as? [String: Any])?["template"] as? [String: Any]))
        #expect(template["templateName"] as? String == "clinic_otp_v2")
    }

    @Test("wrong credentials: 401 is a refusal carrying Gallabox's message")
    func wrongCredentials() async throws {
        let server = try FakeGallaboxServer()
        defer { server.stop() }
        var configuration = server.configuration()
        configuration.apiSecret = "wrong"
        let result = await GallaboxClient(configuration: configuration).deliver(Self.otpMessage())
        #expect(result == .rejected(reason: "Gallabox refused the message (401): Invalid apiKey or apiSecret"))
    }

    @Test("a 4xx is refused for good with the provider's message; 5xx, 429 and no answer are retried")
    func statusMapping() async throws {
        let server = try FakeGallaboxServer()
        defer { server.stop() }
        // A short timeout only where no answer comes: answered requests on a loaded machine must not time out.
        let client = GallaboxClient(configuration: server.configuration(timeoutSeconds: 10))
        let impatient = GallaboxClient(configuration: server.configuration(timeoutSeconds: 1))
        server.script(
            .status(400, message: "Template otp_verification not found"), .status(503, message: "Upstream unavailable"),
            .rateLimited(resetSeconds: 60), .noAnswer)
        #expect(
            await client.deliver(Self.otpMessage())
                == .rejected(reason: "Gallabox refused the message (400): Template otp_verification not found"))
        #expect(
            await client.deliver(Self.otpMessage())
                == .retryLater(reason: "Gallabox server error (503): Upstream unavailable", retryAfterSeconds: nil))
        let limited = await client.deliver(Self.otpMessage())
        guard case .retryLater(let reason, let after) = limited else {
            Issue.record("expected a retry, got \(limited)")
            return
        }
        #expect(reason.contains("429"))
        #expect(reason.contains("API rate limit exceeded"))
        #expect((55...61).contains(after ?? -1))
        // Each answered request was read and checked by the fake before it replied.
        #expect(server.requests.map(\.answeredStatus) == [400, 503, 429])
        let started = Date()
        let silent = await impatient.deliver(Self.otpMessage())
        guard case .retryLater(let timeoutReason, nil) = silent else {
            Issue.record("expected a retry after the timeout, got \(silent)")
            return
        }
        #expect(timeoutReason.contains("timeout"))
        #expect(Date().timeIntervalSince(started) < 5)
        // Whether the fake read the unanswered request before the client gave up depends on the machine's
        // load, so only the client's side of it is asserted.
    }

    @Test("a malformed body is refused by the fake as the real API does (400), so the client's shape is checked")
    func fakeChecksBodies() {
        #expect(FakeGallaboxServer.problem(in: ["channelId": FakeGallaboxServer.channelID]) != nil)
        let arrayValues: [String: Any] = [
            "channelId": FakeGallaboxServer.channelID, "channelType": "whatsapp", "recipient": ["name": "A", "phone": "919845012345"],
            "whatsapp": ["type": "template", "template": ["templateName": "otp_verification", "bodyValues": ["123456"]]],
        ]
        #expect(FakeGallaboxServer.problem(in: arrayValues) == "bodyValues must be an object")
        let plusPhone: [String: Any] = [
            "channelId": FakeGallaboxServer.channelID, "channelType": "whatsapp", "recipient": ["name": "A", "phone": "+919845012345"],
            "whatsapp": ["type": "template", "template": ["templateName": "otp_verification", "bodyValues": ["otp": "1"]]],
        ]
        #expect(FakeGallaboxServer.problem(in: plusPhone) != nil)
    }

    @Test("no server listening is a temporary failure")
    func connectionRefused() async throws {
        let server = try FakeGallaboxServer()
        let configuration = server.configuration(timeoutSeconds: 1)
        server.stop()
        let result = await GallaboxClient(configuration: configuration).deliver(Self.otpMessage())
        guard case .retryLater = result else {
            Issue.record("expected a retry, got \(result)")
            return
        }
    }

    @Test("settings come from GALLABOX_* variables; missing ones are named; the channel default follows the key")
    func configurationFromEnvironment() throws {
        let environment = ["GALLABOX_API_KEY": "k", "GALLABOX_API_SECRET": "s", "GALLABOX_CHANNEL_ID": "c"]
        let configuration = try GallaboxConfiguration(environment: environment)
        #expect(configuration.messagesURL.absoluteString == "https://server.gallabox.com/devapi/messages/whatsapp")
        #expect(configuration.templateName(for: "otp_verification") == "otp_verification")
        var overridden = environment
        overridden["GALLABOX_BASE_URL"] = "http://127.0.0.1:9"
        overridden["GALLABOX_OTP_TEMPLATE"] = "otp_v2"
        let custom = try GallaboxConfiguration(environment: overridden)
        #expect(custom.messagesURL.absoluteString == "http://127.0.0.1:9/devapi/messages/whatsapp")
        #expect(custom.templateName(for: "otp_verification") == "otp_v2")
        #expect(throws: MessageChannelError.missingSetting("GALLABOX_CHANNEL_ID")) {
            try GallaboxConfiguration(environment: ["GALLABOX_API_KEY": "k", "GALLABOX_API_SECRET": "s"])
        }
        overridden["GALLABOX_TIMEOUT_SECONDS"] = "20"
        #expect(try GallaboxConfiguration(environment: overridden).timeoutSeconds == 20)
        for unusable in ["0.5", "0", "-3", "soon"] {
            overridden["GALLABOX_TIMEOUT_SECONDS"] = unusable
            #expect(throws: MessageChannelError.invalidSetting("GALLABOX_TIMEOUT_SECONDS")) {
                try GallaboxConfiguration(environment: overridden)
            }
        }
        #expect(MessageChannels.defaultName(environment: [:]) == "console")
        #expect(MessageChannels.defaultName(environment: environment) == "gallabox")
        #expect(MessageChannels.defaultName(environment: ["GALLABOX_API_KEY": "k", "CLINIC_MESSAGE_CHANNEL": "console"]) == "console")
        #expect(throws: MessageChannelError.unknownChannel("sms")) { try MessageChannels.make(name: "sms", environment: [:]) }
    }
}
