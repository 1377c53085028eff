import Testing

@testable import ClinicTUI

@Suite("text field")
struct TextFieldTests {
    /// A field holding `text` with the cursor at `cursor`.
    private func field(_ text: String, cursor: Int? = nil, maxLength: Int = 40) -> TextField {
        var field = TextField(label: "Name", text: text, maxLength: maxLength)
        if let cursor { field.cursor = cursor }
        return field
    }

    @Test(
        "editing keys",
        arguments: [
            ("Priya", 5, Key.left, "Priya", 4),
            ("Priya", 0, Key.left, "Priya", 0),
            ("Priya", 2, Key.right, "Priya", 3),
            ("Priya", 5, Key.right, "Priya", 5),
            ("Priya", 3, Key.home, "Priya", 0),
            ("Priya", 3, Key.end, "Priya", 5),
            ("Priya", 3, Key.control("a"), "Priya", 0),
            ("Priya", 1, Key.control("e"), "Priya", 5),
            ("Priya Sharma", 6, Key.control("u"), "Sharma", 0),
            ("Priya Sharma", 5, Key.control("k"), "Priya", 5),
            ("Priya Sharma", 12, Key.control("w"), "Priya ", 6),
            ("Priya Sharma  ", 14, Key.control("w"), "Priya ", 6),
            ("Priya Sharma", 5, Key.control("w"), " Sharma", 0),
            ("Priya", 5, Key.backspace, "Priy", 4),
            ("Priya", 0, Key.backspace, "Priya", 0),
            ("Priya", 0, Key.delete, "riya", 0),
            ("Priya", 5, Key.delete, "Priya", 5),
            ("Pria", 3, Key.character("y"), "Priya", 4),
            ("नमस्ते", 3, Key.backspace, "नम", 2),
            ("प्रिया", 1, Key.delete, "प्रि", 1),
        ])
    func editing(text: String, cursor: Int, key: Key, expectedText: String, expectedCursor: Int) {
        var field = field(text, cursor: cursor)
        let consumed = field.handle(key)
        #expect(consumed)
        #expect(field.text == expectedText)
        #expect(field.cursor == expectedCursor)
    }

    @Test(
        "keys meant for the screen are not consumed",
        arguments: [
            Key.escape, .enter, .tab, .backTab, .up, .down, .pageUp, .function(2), .function(1), .control("p"),
            .control("q"), .control("l"), .alt("x"), .resize,
        ])
    func passesThrough(key: Key) {
        var field = field("Priya", cursor: 2)
        let consumed = field.handle(key)
        #expect(!consumed)
        #expect(field == self.field("Priya", cursor: 2))
    }

    @Test("multibyte text typed one code point at a time")
    func multibyteTyping() {
        var field = TextField(maxLength: 10)
        for scalar in "प्रिया".unicodeScalars {
            let consumed = field.handle(.character(Character(scalar)))
            #expect(consumed)
        }
        #expect(field.text == "प्रिया")
        #expect(field.cursor == 2)
        let movedHome = field.handle(.home)
        #expect(movedHome)
        for character in "डॉ. " {
            let consumed = field.handle(.character(character))
            #expect(consumed)
        }
        #expect(field.text == "डॉ. प्रिया")
        #expect(field.cursor == 3)
    }

    @Test("a combining mark joins the grapheme before the cursor")
    func combiningMark() {
        var field = field("Cafe")
        let consumed = field.handle(.character("\u{301}"))
        #expect(consumed)
        #expect(field.text == "Caf\u{E9}")
        #expect(field.cursor == 4)
    }

    @Test("a long paste is cut at maxLength and loses its control characters")
    func paste() {
        var field = field("ab", cursor: 1, maxLength: 8)
        let tookPaste = field.handle(.paste("12\n34\t5678"))
        #expect(tookPaste)
        #expect(field.text == "a123456b")
        #expect(field.cursor == 7)
        let tookMore = field.handle(.paste("more"))
        #expect(tookMore)
        #expect(field.text == "a123456b")
        let tookCharacter = field.handle(.character("x"))
        #expect(tookCharacter)
        #expect(field.text == "a123456b")
    }

    @Test("a paste of Indian script counts graphemes")
    func pasteIndic() {
        var field = TextField(maxLength: 3)
        let consumed = field.handle(.paste("അനിൽ കുമാർ"))
        #expect(consumed)
        #expect(field.text == "അനിൽ")
        #expect(field.cursor == 3)
    }

    @Test("a secure field is drawn as bullets")
    func secureRendering() throws {
        var field = TextField(label: "Password", text: "s3cret", isSecure: true)
        field.cursor = 2
        var buffer = ScreenBuffer(width: 10, height: 1)
        let cursor = try #require(field.render(into: &buffer, rect: Rect(width: 10, height: 1), focused: true))
        #expect(buffer.plainText() == "••••••    ")
        #expect(!buffer.plainText().contains("s3cret"))
        #expect(cursor.cursorX == 2)
        #expect(cursor.cursorY == 0)
        #expect(buffer.styleDump() == String(repeating: "I", count: 10))
    }

    @Test("a long text scrolls so the cursor stays visible")
    func horizontalScrolling() throws {
        var field = field("Sreelakshmi Raghavan")
        var buffer = ScreenBuffer(width: 8, height: 1)
        let end = try #require(field.render(into: &buffer, rect: Rect(width: 8, height: 1), focused: true))
        #expect(buffer.plainText() == "aghavan ")
        #expect(end.cursorX == 7)

        field.cursor = 0
        let start = try #require(field.render(into: &buffer, rect: Rect(width: 8, height: 1), focused: true))
        #expect(buffer.plainText() == "Sreelaks")
        #expect(start.cursorX == 0)

        var unfocused = ScreenBuffer(width: 8, height: 1)
        #expect(self.field("Sreelakshmi").render(into: &unfocused, rect: Rect(width: 8, height: 1), focused: false) == nil)
        #expect(unfocused.plainText() == "Sreelaks")
        #expect(unfocused.styleDump() == String(repeating: "i", count: 8))
    }

    @Test("the cursor column counts display width")
    func wideCursor() throws {
        let field = field("漢字ab", cursor: 2)
        var buffer = ScreenBuffer(width: 12, height: 1)
        let cursor = try #require(field.render(into: &buffer, rect: Rect(x: 2, y: 0, width: 10, height: 1), focused: true))
        #expect(cursor.cursorX == 6)
        #expect(buffer.plainText() == "  漢字ab    ")
    }
}
