import Testing

@testable import ClinicTUI

@Suite("display width")
struct DisplayWidthTests {
    @Test(
        "one width rule for every script",
        arguments: [
            ("hello", 5),
            ("", 0),
            ("漢字", 4),
            ("👩‍⚕️", 2),
            ("😀", 2),
            ("❤️", 2),
            ("🇮🇳", 2),
            ("e\u{301}", 1),
            ("Café", 4),
            // प ् र ि | य ा: the virama counts 0, the vowel signs ि and ा count 1 each.
            ("प्रिया", 5),
            // न म स ् त े: the virama and the vowel sign े count 0.
            ("नमस्ते", 4),
            // അ ന ി ൽ: the vowel sign ി is a spacing mark.
            ("അനിൽ", 4),
            ("₹1,200", 6),
        ])
    func widths(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test("a grapheme is the sum of its code points, so an Indic conjunct is not clamped")
    func conjunctCluster() throws {
        let cluster = try #require("प्रिया".first)
        #expect(cluster.unicodeScalars.count == 4)
        #expect(DisplayWidth.of(cluster) == 3)
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)
        #expect(DisplayWidth.of(Character("漢")) == 2)
    }

    @Test(
        "control characters become U+FFFD",
        arguments: [
            ("a\u{1B}[31mb", "a\u{FFFD}[31mb"),
            ("tab\there", "tab\u{FFFD}here"),
            ("line\r\nbreak", "line\u{FFFD}\u{FFFD}break"),
            ("del\u{7F}", "del\u{FFFD}"),
            ("c1\u{85}\u{9B}", "c1\u{FFFD}\u{FFFD}"),
            ("bidi\u{202E}txt", "bidi\u{FFFD}txt"),
            ("प्रिया", "प्रिया"),
            ("plain", "plain"),
        ])
    func sanitize(text: String, expected: String) {
        let sanitized = DisplayWidth.sanitize(text)
        #expect(sanitized == expected)
        #expect(!sanitized.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test(
        "truncation never exceeds the width, never splits a grapheme and marks the cut",
        arguments: ["Rahul Verma", "प्रिया शर्मा", "അനിൽ കുമാർ", "漢字漢字漢字", "👩‍⚕️👩‍⚕️👩‍⚕️", "Café crème"],
        [0, 1, 2, 3, 4, 5, 7, 9, 40])
    func truncate(text: String, width: Int) {
        let result = DisplayWidth.truncate(text, toWidth: width)
        #expect(DisplayWidth.of(result) <= width)
        if DisplayWidth.of(text) <= width {
            #expect(result == text)
        } else if width > 0 {
            #expect(result.hasSuffix("…"))
            let kept = Array(result.dropLast())
            #expect(Array(text.prefix(kept.count)) == kept)
        } else {
            #expect(result.isEmpty)
        }
    }

    @Test("padding counts display columns, not characters")
    func padding() {
        #expect(DisplayWidth.pad("漢字", toWidth: 6) == "漢字  ")
        #expect(DisplayWidth.padLeading("₹5", toWidth: 4) == "  ₹5")
        #expect(DisplayWidth.of(DisplayWidth.pad("प्रिया", toWidth: 8)) == 8)
        #expect(DisplayWidth.pad("toolong", toWidth: 3) == "toolong")
        #expect(DisplayWidth.of(DisplayWidth.fit("അനിൽ കുമാർ", toWidth: 6)) == 6)
    }
}
