import Foundation

/// A row change announced by the database on `clinic_desk_changes`, whoever made it (desk or web).
public struct ChangeNotification: Codable, Equatable, Sendable {
    /// `appointments` or `payments`.
    public var table: String
    /// INSERT, UPDATE or DELETE.
    public var op: String
    /// The changed row's id.
    public var id: Int64
    /// The appointment's centre (for payments, the paid appointment's centre).
    public var centre: Int64?
    /// The appointment's local calendar day at that centre, `YYYY-MM-DD`.
    public var day: String?

    /// A notification as the trigger builds it.
    public init(table: String, op: String, id: Int64, centre: Int64?, day: String?) {
        self.table = table
        self.op = op
        self.id = id
        self.centre = centre
        self.day = day
    }
}

/// A dedicated LISTEN connection that an event loop can wait on without blocking: poll its
/// `socketDescriptor` for input, then call `drain()`.
///
/// Owned by one task or actor. After `connectionLost`, call `reconnect()` and re-read the descriptor.
public final class ChangeListener {
    /// The one channel every desk listens on.
    public static let channel = "clinic_desk_changes"

    private let url: String
    private var connection: PostgresConnection?

    /// Opens a connection and starts listening.
    /// - Throws: `DatabaseError.connectionFailed`.
    public init(url: String) throws {
        self.url = url
        try reconnect()
    }

    /// The socket to poll for readability; -1 when disconnected. Changes after `reconnect()`.
    public var socketDescriptor: Int32 { connection?.socketDescriptor ?? -1 }

    /// Opens a fresh connection and listens again (notifications sent while down are lost; callers
    /// refresh their views after a reconnect).
    public func reconnect() throws {
        connection = nil
        let fresh = try PostgresConnection(url: url, applicationName: "clinic-desk listener")
        // LISTEN takes an identifier, not a parameter: the channel is a constant.
        _ = try fresh.execute("LISTEN \(ChangeListener.channel)", parameters: [])
        connection = fresh
    }

    /// Returns the notifications that have arrived, without waiting.
    /// - Throws: `DatabaseError.connectionLost` when the connection has gone.
    public func drain() throws -> [ChangeNotification] {
        guard let connection else { throw DatabaseError.connectionLost }
        do {
            return try connection.drainNotifications().compactMap { message in
                guard message.channel == ChangeListener.channel else { return nil }
                return try? JSONDecoder().decode(ChangeNotification.self, from: Data(message.payload.utf8))
            }
        } catch {
            self.connection = nil
            throw error
        }
    }

    /// Waits until the socket has input or `timeoutMilliseconds` pass, then drains. Event-driven
    /// (poll), never a sleep: it returns as soon as the server sends something.
    public func waitForNotifications(timeoutMilliseconds: Int32) throws -> [ChangeNotification] {
        let descriptor = socketDescriptor
        guard descriptor >= 0 else { throw DatabaseError.connectionLost }
        var pending = try drain()
        if !pending.isEmpty { return pending }
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&request, 1, timeoutMilliseconds)
        if ready > 0 { pending = try drain() }
        return pending
    }
}
