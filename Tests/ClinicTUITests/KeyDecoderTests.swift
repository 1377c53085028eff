import Testing

@testable import ClinicTUI

@Suite("key decoding")
struct KeyDecoderTests {
    @Test(
        "wget_wch characters",
        arguments: [
            (UInt32(13), Key.enter), (10, .enter), (9, .tab), (27, .escape), (127, .backspace), (8, .backspace),
            (1, .control("a")), (5, .control("e")), (11, .control("k")), (12, .control("l")), (16, .control("p")),
            (17, .control("q")), (21, .control("u")), (23, .control("w")), (26, .control("z")), (0, .control(" ")),
            (31, .control("_")), (0x61, .character("a")), (0x3F, .character("?")), (0x20, .character(" ")),
            (0x92A, .character("प")), (0xD05, .character("അ")), (0x20B9, .character("₹")), (0x1F600, .character("😀")),
            (0x9B, .character("\u{FFFD}")), (0xD800, .character("\u{FFFD}")),
        ])
    func characters(code: UInt32, expected: Key) {
        #expect(KeyDecoder.decode(wideCharacter: code) == expected)
    }

    @Test(
        "ncurses key codes",
        arguments: [
            (Int32(0o402), Key?.some(.down)), (0o403, .up), (0o404, .left), (0o405, .right), (0o406, .home),
            (0o550, .end), (0o522, .pageDown), (0o523, .pageUp), (0o512, .delete), (0o513, .insert),
            (0o541, .backTab), (0o407, .backspace), (0o527, .enter), (0o632, .resize), (0o411, .function(1)),
            (0o412, .function(2)), (0o410 + 12, .function(12)), (0o410, nil), (0o777, nil),
        ])
    func keyCodes(code: Int32, expected: Key?) {
        #expect(KeyDecoder.decode(keyCode: code, codes: .ncurses6) == expected)
    }

    /// The batch for typing `text`.
    private func typed(_ text: String) -> [EscapeSequenceAssembler.Input] {
        text.unicodeScalars.map { .character($0.value) }
    }

    @Test("ESC and a printable character in one batch is Alt; a lone ESC is Escape")
    func altAndEscape() {
        var assembler = EscapeSequenceAssembler()
        #expect(assembler.assemble(typed("\u{1B}x")) == [.alt("x")])
        #expect(assembler.assemble(typed("\u{1B}")) == [.escape])
        #expect(assembler.assemble(typed("\u{1B}\u{1B}")) == [.escape, .escape])
        #expect(assembler.assemble(typed("\u{1B}\r")) == [.escape, .enter])
        #expect(assembler.assemble(typed("\u{1B}[")) == [.alt("[")])
        #expect(assembler.assemble(typed("\u{1B}") + [.key(.up)]) == [.escape, .up])
        #expect(assembler.assemble(typed("q\u{1B}")) == [.character("q"), .escape])
    }

    @Test("short runs stay keys; longer bursts in one batch are one paste")
    func bursts() {
        var assembler = EscapeSequenceAssembler()
        #expect(assembler.assemble(typed("qx")) == [.character("q"), .character("x")])
        #expect(assembler.assemble(typed("12345678")).count == 8)
        #expect(assembler.assemble(typed("Sreelakshmi")) == [.paste("Sreelakshmi")])
        #expect(
            assembler.assemble(typed("ab") + [.key(.left)] + typed("प्रिया शर्मा\r"))
                == [.character("a"), .character("b"), .left, .paste("प्रिया शर्मा"), .enter])
    }

    @Test("a bracketed paste is one paste, also across batches")
    func bracketedPaste() {
        var assembler = EscapeSequenceAssembler()
        #expect(assembler.assemble(typed("\u{1B}[200~ab\u{1B}[201~")) == [.paste("ab")])
        #expect(!assembler.isInsideBracketedPaste)

        #expect(assembler.assemble(typed("x\u{1B}[200~first ")) == [.character("x"), .paste("first ")])
        #expect(assembler.isInsideBracketedPaste)
        #expect(assembler.assemble(typed("line\nsecond\u{1B}[201~q")) == [.paste("line\nsecond"), .character("q")])
        #expect(!assembler.isInsideBracketedPaste)
    }

    @Test("unknown CSI sequences are dropped, not typed")
    func unknownSequences() {
        var assembler = EscapeSequenceAssembler()
        #expect(assembler.assemble(typed("\u{1B}[1;5Ca")) == [.character("a")])
        #expect(assembler.assemble(typed("\u{1B}[I")) == [])
    }
}
