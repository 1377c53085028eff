import ArgumentParser
import ClinicCore
import Foundation

/// `clinic-desk outbox …`: the WhatsApp delivery worker without the UI, and the outbox's state.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Deliver queued WhatsApp messages (OTPs and others) and show the outbox's state.",
        discussion: """
            Every outgoing message is a `notifications` row written with the change that caused it. The worker \
            sends due rows through a channel: gallabox (GALLABOX_API_KEY, GALLABOX_API_SECRET, GALLABOX_CHANNEL_ID, \
            optional GALLABOX_BASE_URL) or console (development only: appends each message to .clinic/outbox.log). \
            The default is CLINIC_MESSAGE_CHANNEL, else gallabox when GALLABOX_API_KEY is set, else console. \
            Delivery is at least once: a message is sent again only when Gallabox refused it with a 5xx or 429 \
            or its answer was lost (timeout). Several workers may run at once; none sends a row another holds.
            """,
        subcommands: [OutboxRunCommand.self, OutboxStatusCommand.self, OutboxRemindCommand.self]
    )
}

struct OutboxRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Send due messages; keeps polling until interrupted unless --once is given."
    )

    @Flag(help: "Deliver what is due now, print the counts and exit.")
    var once = false

    @Option(help: "gallabox or console (default: CLINIC_MESSAGE_CHANNEL, else gallabox when GALLABOX_API_KEY is set, else console).")
    var channel: String?

    @Option(help: "Rows claimed per batch.")
    var limit: Int = 20

    @Option(help: "Seconds between polls when nothing is due.")
    var pollSeconds: Int = 5

    func validate() throws {
        if let channel, !MessageChannels.names.contains(channel.lowercased()) {
            throw ValidationError("--channel must be gallabox or console.")
        }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
        guard pollSeconds > 0 else { throw ValidationError("--poll-seconds must be at least 1.") }
    }

    func run() async throws {
        var standardError = FileHandle.standardError
        do {
            let environment = DeskEnvironment()
            let messageChannel = try MessageChannels.make(name: channel, environment: environment.values)
            if let console = messageChannel as? ConsoleChannel { print(console.startupNotice, to: &standardError) }
            let database = try await StaffCommand.openDatabase()
            let worker = OutboxWorker(database: database, channel: messageChannel)
            if once {
                print(OutboxRunCommand.describe(try await worker.deliverDue(limit: limit)))
                return
            }
            print("Delivering through \(messageChannel.name); press Ctrl-C to stop.", to: &standardError)
            await worker.run(pollInterval: .seconds(pollSeconds), limit: limit) { result in
                switch result {
                case .success(let summary) where summary.claimed > 0:
                    print(OutboxRunCommand.describe(summary))
                case .success:
                    break
                case .failure(let error):
                    var standardError = FileHandle.standardError
                    print("clinic-desk outbox: \(error) (retrying)", to: &standardError)
                }
            }
        } catch {
            throw StaffCommand.failure(error)
        }
    }

    /// "3 claimed: 2 sent, 1 to retry, 0 failed, 0 expired codes not sent".
    static func describe(_ summary: OutboxRunSummary) -> String {
        "\(summary.claimed) claimed: \(summary.sent) sent, \(summary.retried) to retry, \(summary.failed) failed, "
            + "\(summary.expired) expired codes not sent"
    }
}

struct OutboxStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show how many messages wait, are due, retry, were sent or failed in the last 24 hours."
    )

    func run() async throws {
        do {
            let database = try await StaffCommand.openDatabase()
            let status = try await Outbox(database: database).summary()
            print("Queued:  \(status.queued) (\(status.due) due now, \(status.retrying) waiting to retry)")
            if let oldest = status.oldestQueuedAt {
                let minutes = max(0, (status.now.microsecondsSinceEpoch - oldest.microsecondsSinceEpoch) / 60_000_000)
                print("Oldest:  queued \(minutes) min ago")
            }
            print("Last 24 hours: \(status.sentLastDay) sent, \(status.failedLastDay) failed")
        } catch {
            throw StaffCommand.failure(error)
        }
    }
}

struct OutboxRemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Queue the day-before reminders that are due (each appointment is reminded once, ever).",
        discussion: """
            Tomorrow's visits at every centre whose local time has passed the reminder time (setting \
            clinic_desk.reminder_local_time, default 18:00) get one reminder template each. Safe to run from \
            cron and from several desks at once; the TUI's background worker runs it every minute too. \
            `outbox run` then delivers them.
            """
    )

    func run() async throws {
        do {
            let database = try await StaffCommand.openDatabase()
            let queued = try await Reminders(database: database).sendDue()
            print("\(queued) reminder\(queued == 1 ? "" : "s") queued.")
        } catch {
            throw StaffCommand.failure(error)
        }
    }
}
