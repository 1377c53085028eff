import ClinicCore
import Testing

@testable import ClinicTUI

@MainActor
@Suite("runtime on the test terminal")
struct DeskRuntimeTests {
    private func makeRuntime(_ terminal: TestTerminal, state: AppState) throws -> DeskRuntime {
        try DeskRuntime(
            state: state, terminal: terminal, theme: .monochrome,
            runner: EffectRunner(database: Database(url: "postgresql:///unused?host=/nonexistent"), host: "test"),
            listenerURL: nil, clock: { DeskFixtures.now })
    }

    @Test("only changed cells are sent after the first frame")
    func sendsOnlyChanges() throws {
        let terminal = TestTerminal(width: 80, height: 24)
        var state = DeskFixtures.working()
        state.size = (80, 24)
        let runtime = try makeRuntime(terminal, state: state)
        runtime.draw()
        let firstFrame = terminal.cellsSent
        #expect(firstFrame == 80 * 24)
        runtime.dispatch(.key(.down))
        runtime.draw()
        let secondFrame = terminal.cellsSent - firstFrame
        #expect(secondFrame > 0)
        #expect(secondFrame < 80 * 2 + 10, "moving the selection repaints two rows, not the screen (sent \(secondFrame))")
        #expect(terminal.screen.plainText() == DeskFixtures.render(runtime.state).plainText())
    }

    @Test("a resize re-lays out the screen at the new size")
    func resize() throws {
        let terminal = TestTerminal(width: 80, height: 24)
        let runtime = try makeRuntime(terminal, state: DeskFixtures.working())
        runtime.draw()
        terminal.resize(width: 120, height: 40)
        runtime.dispatch(.resized(width: 120, height: 40))
        runtime.draw()
        #expect(terminal.screen.width == 120)
        #expect(terminal.screen.plainText().contains("Fatima Begum"))
        terminal.resize(width: 60, height: 20)
        runtime.dispatch(.resized(width: 60, height: 20))
        runtime.draw()
        #expect(terminal.screen.plainText().contains("need 80×24"))
    }
}
