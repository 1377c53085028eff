import Testing

@testable import ClinicTUI

@Suite("screen buffer")
struct ScreenBufferTests {
    @Test("text is clipped at the buffer's edge and reports its full advance")
    func clipsAtBufferEdge() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        let used = buffer.draw("abcdefg", x: 2, y: 0, style: .normal)
        #expect(used == 7)
        #expect(buffer.plainText() == "  abc")
        #expect(buffer.draw("x", x: 0, y: 3, style: .normal) == 1)
        #expect(buffer.plainText() == "  abc")
    }

    @Test("a clip rect limits drawing on every side")
    func clipsToRect() {
        var buffer = ScreenBuffer(width: 8, height: 3)
        let clip = Rect(x: 2, y: 1, width: 3, height: 1)
        buffer.draw("abcdefgh", x: 0, y: 1, style: .title, clip: clip)
        buffer.draw("outside", x: 0, y: 0, style: .title, clip: clip)
        #expect(buffer.plainText() == "        \n  cde   \n        ")
        #expect(buffer.styleDump() == "........\n..TTT...\n........")
    }

    @Test("maxWidth truncates with an ellipsis")
    func truncatesToMaxWidth() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        #expect(buffer.draw("Appointments", x: 0, y: 0, style: .normal, maxWidth: 6) == 6)
        #expect(buffer.plainText() == "Appoi…    ")
    }

    @Test("a wide grapheme that does not fit at the right edge becomes a space")
    func wideAtRightEdge() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        buffer.draw("ab漢", x: 2, y: 0, style: .muted)
        #expect(buffer.plainText() == "  ab ")
        #expect(buffer[x: 4, y: 0] == .space(.muted))
        var clipped = ScreenBuffer(width: 6, height: 1)
        clipped.draw("漢字", x: 0, y: 0, style: .normal, clip: Rect(x: 0, y: 0, width: 3, height: 1))
        #expect(clipped.plainText() == "漢    ")
    }

    @Test("a wide grapheme cut by the left clip edge becomes a space")
    func wideAtLeftClip() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.draw("zzzz", x: 0, y: 0, style: .normal)
        buffer.draw("漢a", x: 0, y: 0, style: .title, clip: Rect(x: 1, y: 0, width: 3, height: 1))
        #expect(buffer.plainText() == "z az")
        #expect(buffer.styleDump() == ".TT.")
    }

    @Test("wide graphemes use a leading cell and continuation cells")
    func continuationCells() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        #expect(buffer.draw("漢प्रिया", x: 0, y: 0, style: .normal) == 7)
        #expect(buffer[x: 0, y: 0] == Cell(grapheme: "漢", width: 2, style: .normal))
        #expect(buffer[x: 1, y: 0].isContinuation)
        #expect(buffer[x: 2, y: 0] == Cell(grapheme: "प्रि", width: 3, style: .normal))
        #expect(buffer[x: 3, y: 0].isContinuation)
        #expect(buffer[x: 4, y: 0].isContinuation)
        #expect(buffer[x: 5, y: 0] == Cell(grapheme: "या", width: 2, style: .normal))
        #expect(buffer[x: 7, y: 0] == .blank)
    }

    @Test("overwriting half of a wide grapheme blanks the other half")
    func overwriteHalf() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.draw("漢字", x: 0, y: 0, style: .title)
        buffer.draw("x", x: 1, y: 0, style: .normal)
        #expect(buffer.plainText() == " x字  ")
        #expect(buffer[x: 0, y: 0] == .space(.title))
        buffer.draw("y", x: 2, y: 0, style: .normal)
        #expect(buffer.plainText() == " xy   ")
        #expect(!buffer[x: 3, y: 0].isContinuation)

        var shifted = ScreenBuffer(width: 6, height: 1)
        shifted.draw("漢字", x: 0, y: 0, style: .normal)
        shifted.draw("字", x: 1, y: 0, style: .normal)
        #expect(shifted.plainText() == " 字   ")
    }

    @Test("fill and setStyle keep wide graphemes whole")
    func fillAndSetStyle() {
        var buffer = ScreenBuffer(width: 5, height: 2)
        buffer.fill(Rect(x: 0, y: 0, width: 5, height: 2), style: .slotFree, grapheme: "·")
        #expect(buffer.plainText() == "·····\n·····")
        buffer.draw("漢", x: 1, y: 1, style: .slotBooked)
        buffer.setStyle(Rect(x: 2, y: 1, width: 1, height: 1), style: .selection)
        #expect(buffer.styleDump() == "fffff\nfSSff")
        buffer.fill(Rect(x: 0, y: 0, width: 3, height: 1), style: .danger, grapheme: "漢")
        #expect(buffer.plainText() == "漢 ··\n·漢··")
        buffer.fill(Rect(x: 0, y: 0, width: 2, height: 1), style: .normal, grapheme: "\u{1B}x")
        #expect(buffer.plainText() == "   ··\n·漢··")
    }

    @Test("control characters are drawn as U+FFFD")
    func sanitises() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.draw("a\u{1B}[2J", x: 0, y: 0, style: .normal)
        #expect(buffer.plainText() == "a\u{FFFD}[2J ")
    }

    @Test("changes(from:) lists only the cells that differ")
    func changes() {
        var previous = ScreenBuffer(width: 10, height: 3)
        previous.draw("Today", x: 0, y: 0, style: .title)
        #expect(previous.changes(from: nil).count == 30)
        #expect(previous.changes(from: ScreenBuffer(width: 9, height: 3)).count == 30)
        #expect(previous.changes(from: previous).isEmpty)

        var next = previous
        next.draw("Tod", x: 0, y: 0, style: .title)
        #expect(next.changes(from: previous).isEmpty)
        next.draw("X", x: 4, y: 2, style: .danger)
        next.setStyle(Rect(x: 0, y: 0, width: 1, height: 1), style: .selection)
        #expect(
            next.changes(from: previous) == [
                CellChange(x: 0, y: 0, cell: Cell(grapheme: "T", width: 1, style: .selection)),
                CellChange(x: 4, y: 2, cell: Cell(grapheme: "X", width: 1, style: .danger)),
            ])
    }

    @Test("a mirror built from changes equals the buffer")
    func mirror() {
        var first = ScreenBuffer(width: 12, height: 2)
        first.draw("अनिल 漢字", x: 0, y: 0, style: .normal)
        var second = first
        second.draw("x", x: 1, y: 0, style: .danger)
        second.draw("Priya", x: 3, y: 1, style: .selection)
        var mirror = ScreenBuffer(width: 12, height: 2)
        for change in first.changes(from: nil) + second.changes(from: first) {
            mirror.put(change.cell, x: change.x, y: change.y)
        }
        #expect(mirror == second)
    }

    @Test("every line of plainText is exactly the buffer's width")
    func plainTextWidths() {
        var buffer = ScreenBuffer(width: 12, height: 4)
        buffer.draw("प्रिया शर्मा", x: 0, y: 0, style: .normal)
        buffer.draw("അനിൽ കുമാർ", x: 3, y: 1, style: .normal)
        buffer.draw("漢字漢字漢字漢", x: 1, y: 2, style: .normal)
        buffer.draw("👩‍⚕️ Dr. Rao", x: 0, y: 3, style: .normal)
        let lines = buffer.plainText().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        for line in lines {
            #expect(DisplayWidth.of(String(line)) == 12)
        }
        clearKeepsSize(&buffer)
    }

    private func clearKeepsSize(_ buffer: inout ScreenBuffer) {
        buffer.clear()
        #expect(buffer.plainText() == Array(repeating: String(repeating: " ", count: 12), count: 4).joined(separator: "\n"))
    }
}
