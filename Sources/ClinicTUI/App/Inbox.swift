import Foundation
import Synchronization

/// Where finished effects leave their messages for the main loop, and the self-pipe that wakes
/// the loop's `poll()` when they do.
final class Inbox: Sendable {
    private let pending = Mutex<[Message]>([])
    /// poll() this for readability.
    let wakeDescriptor: Int32
    private let writeDescriptor: Int32

    /// - Throws: `InboxError.pipeUnavailable` when the pipe cannot be made.
    init() throws {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw InboxError.pipeUnavailable }
        wakeDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit {
        close(wakeDescriptor)
        close(writeDescriptor)
    }

    /// Leaves messages and wakes the loop (safe from any thread).
    func post(_ messages: [Message]) {
        guard !messages.isEmpty else { return }
        pending.withLock { $0.append(contentsOf: messages) }
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Takes every waiting message and empties the pipe.
    func take() -> [Message] {
        var sink = [UInt8](repeating: 0, count: 256)
        while read(wakeDescriptor, &sink, sink.count) > 0 {}
        return pending.withLock { messages in
            defer { messages.removeAll() }
            return messages
        }
    }
}

enum InboxError: Error, CustomStringConvertible {
    case pipeUnavailable
    var description: String { "Could not create the wake-up pipe (too many open files?)." }
}
