import ClinicCore
import Foundation

/// The app loop: one `poll()` over the keyboard, the wake-up pipe of finished effects and the
/// database's notification socket, with the next timer as its timeout. Never busy-waits: when
/// nothing happens it sleeps in poll() until the next minute (status-bar clock) or the idle lock.
///
/// The loop runs on the main actor and blocks it only inside poll(); effects run on the global
/// executor and never need the main actor, so the wait starves nothing.
@MainActor
final class DeskRuntime {
    private(set) var state: AppState
    private let terminal: TerminalBackend
    private let theme: Theme
    private let runner: EffectRunner
    private let inbox: Inbox
    private let listenerURL: String?
    private var listener: ChangeListener?
    private var previous: ScreenBuffer?
    private let clock: @Sendable () -> Instant

    init(
        state: AppState, terminal: TerminalBackend, theme: Theme, runner: EffectRunner, listenerURL: String?,
        clock: @escaping @Sendable () -> Instant = DeskRuntime.systemNow
    ) throws {
        self.state = state
        self.terminal = terminal
        self.theme = theme
        self.runner = runner
        self.listenerURL = listenerURL
        self.clock = clock
        inbox = try Inbox()
        let size = terminal.size
        self.state.size = (size.width, size.height)
        self.state.now = clock()
        self.state.lastInputAt = self.state.now
    }

    /// Wall-clock now, microseconds.
    nonisolated static func systemNow() -> Instant {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Instant(microsecondsSinceEpoch: Int64(time.tv_sec) * 1_000_000 + Int64(time.tv_nsec / 1000))
    }

    /// Runs until the user quits.
    func run() {
        connectListener()
        draw()
        if FirstFrameReport.reportIfRequested() { return }
        while !state.isQuitting {
            waitForInput(timeoutMilliseconds: nextTimeout())
            // The clock first, so keys are stamped with the time they arrived (idle lock).
            var messages: [Message] = [.tick(clock())]
            for key in terminal.readKeys() {
                if key == .resize {
                    let size = terminal.size
                    messages.append(.resized(width: size.width, height: size.height))
                } else {
                    messages.append(.key(key))
                }
            }
            messages += inbox.take()
            messages += listenerMessages()
            messages.append(.tick(clock()))
            for message in messages { dispatch(message) }
            draw()
        }
        listener = nil
    }

    /// Feeds one message through update and starts its effects (also used by tests and benchmarks).
    func dispatch(_ message: Message) {
        let wasConnected = state.connection == .connected
        let effects = DeskUpdate.update(&state, message)
        if !wasConnected, state.connection == .connected, listener == nil { connectListener() }
        for effect in effects { start(effect) }
    }

    /// Renders the state and sends only the changed cells.
    func draw() {
        var buffer = ScreenBuffer(width: state.size.width, height: state.size.height)
        let cursor = DeskRender.render(state, into: &buffer)
        terminal.apply(buffer.changes(from: previous), theme: theme)
        terminal.setCursor(cursor)
        terminal.flush()
        previous = buffer
    }

    // MARK: - Private

    private func start(_ effect: Effect) {
        switch effect {
        case .quit:
            state.isQuitting = true
        case .redrawAll:
            previous = nil
            terminal.invalidate()
        default:
            let runner = self.runner
            let inbox = self.inbox
            let now = state.now
            Task.detached {
                inbox.post(await runner.run(effect, now: now))
            }
        }
    }

    private func waitForInput(timeoutMilliseconds: Int32) {
        var descriptors = [pollfd(fd: inbox.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
        for descriptor in terminal.inputDescriptors {
            descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
        }
        if let socket = listener?.socketDescriptor, socket >= 0 {
            descriptors.append(pollfd(fd: socket, events: Int16(POLLIN), revents: 0))
        }
        _ = poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds)
    }

    /// Until the next minute boundary (the status bar's clock) or the idle lock, whichever is first.
    private func nextTimeout() -> Int32 {
        let now = clock()
        let period: Int64 = state.needsSecondTicks ? 1_000_000 : 60_000_000
        var wait = period - now.microsecondsSinceEpoch % period
        if let deadline = state.idleDeadline {
            wait = min(wait, max(0, deadline.microsecondsSinceEpoch - now.microsecondsSinceEpoch))
        }
        return Int32(clamping: wait / 1000 + 1)
    }

    private func connectListener() {
        guard let listenerURL else { return }
        listener = try? ChangeListener(url: listenerURL)
    }

    private func listenerMessages() -> [Message] {
        guard let listener else { return [] }
        do {
            let changes = try listener.drain()
            return changes.isEmpty ? [] : [.databaseChanged(changes)]
        } catch {
            self.listener = nil
            return [.connectionLost]
        }
    }
}
