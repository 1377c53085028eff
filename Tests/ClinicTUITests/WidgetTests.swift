import Testing

@testable import ClinicTUI

@Suite("message line and banner")
struct WidgetTests {
    @Test(
        "messages carry a prefix as well as a style",
        arguments: [
            (UserMessageLine.Kind.success, "✓ Booked 10:30 with Dr. Rao", "G"),
            (.error, "✗ That slot was just taken", "D"),
            (.info, "Searching…", "."),
        ])
    func messageLine(kind: UserMessageLine.Kind, expected: String, style: String) {
        var buffer = ScreenBuffer(width: 40, height: 1)
        let text = expected.hasPrefix("✓ ") || expected.hasPrefix("✗ ") ? String(expected.dropFirst(2)) : expected
        UserMessageLine(kind, text).render(into: &buffer, rect: Rect(width: 40, height: 1))
        #expect(buffer.plainText() == DisplayWidth.pad(expected, toWidth: 40))
        #expect(buffer.styleDump().hasPrefix(String(repeating: style, count: DisplayWidth.of(expected))))
    }

    @Test("a long message is truncated with an ellipsis")
    func longMessage() {
        var buffer = ScreenBuffer(width: 20, height: 1)
        UserMessageLine(.error, "The payment link could not be sent to the patient").render(
            into: &buffer, rect: Rect(width: 20, height: 1))
        #expect(buffer.plainText() == "✗ The payment link… ")
    }

    @Test("the banner fills the whole row in the banner style")
    func banner() {
        var buffer = ScreenBuffer(width: 30, height: 2)
        Banner("Database connection lost — reconnecting (attempt 3)…").render(into: &buffer, rect: Rect(width: 30, height: 2))
        let lines = buffer.plainText().split(separator: "\n").map(String.init)
        #expect(lines[0] == " Database connection lost —…  ")
        #expect(buffer.styleDump().split(separator: "\n")[0] == Substring(String(repeating: "B", count: 30)))
        #expect(buffer.styleDump().split(separator: "\n")[1] == Substring(String(repeating: ".", count: 30)))
    }

    @Test("help wraps a long description onto its own lines at the key column instead of cutting it")
    func helpWraps() {
        #expect(
            HelpView.wrap("Quit clinic-desk (asks first when something is unsaved).", width: 30) == [
                "Quit clinic-desk (asks first", "when something is unsaved).",
            ])
        #expect(HelpView.wrap("", width: 10) == [""])
        let lines = HelpView.lines([DeskKeyMaps.global], textWidth: 30)
        #expect(lines.allSatisfy { DisplayWidth.of($0.text) <= 30 || !$0.text.contains(" ") })
        let quit = lines.firstIndex { $0.keys.hasPrefix("q") } ?? 0
        #expect(lines[quit + 1].keys.isEmpty)
        #expect(lines[quit + 1].text == "when something is unsaved).")
    }
}
