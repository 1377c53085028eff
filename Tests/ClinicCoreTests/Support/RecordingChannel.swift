import ClinicCore
import Synchronization

/// A message channel that records what it is asked to send and answers from a script
/// (accepted with a made-up id when the script is empty).
final class RecordingChannel: MessageChannel {
    let name = "recording"
    private let state = Mutex(State())

    private struct State {
        var script: [DeliveryResult] = []
        var delivered: [OutboundMessage] = []
    }

    /// Answers for the next deliveries, in order.
    func script(_ results: DeliveryResult...) {
        state.withLock { $0.script.append(contentsOf: results) }
    }

    /// Every message handed to the channel, in order.
    var delivered: [OutboundMessage] { state.withLock { $0.delivered } }

    func deliver(_ message: OutboundMessage) async -> DeliveryResult {
        // Let other workers run between claim and record, so races would show.
        await Task.yield()
        return state.withLock { state in
            state.delivered.append(message)
            return state.script.isEmpty ? .accepted(providerMessageID: "rec-\(message.notificationID)") : state.script.removeFirst()
        }
    }
}
