#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `wcwidth(3)` from the C library. Glibc's Swift module does not export it (it is declared only
/// under `_XOPEN_SOURCE`), and this module must not import CNcurses, whose shim declares it.
@_silgen_name("wcwidth")
private func libcWcwidth(_ character: wchar_t) -> Int32

/// The one display-width rule shared by the screen buffer, layout and truncation.
///
/// A grapheme's width is the sum of `wcwidth` over its code points: combining marks count 0 and
/// Indic spacing vowel signs such as Devanagari ि count 1, exactly as glibc, ncurses and tmux count
/// them, so the buffer and the terminal always agree on where the next column starts. Emoji
/// sequences (a ZWJ sequence, a flag, an emoji with a skin-tone modifier or with U+FE0F) count 2,
/// as terminals draw them as one wide glyph.
///
/// Unlike emoji, an Indic conjunct cluster is *not* clamped to 2: since Unicode 15.1 (rule GB9c)
/// Swift treats "प्रि" (प ् र ि) as one grapheme, but the terminal still gives र and ि a column each,
/// so the cluster is 3 columns wide and clamping it would shift every column to its right.
enum DisplayWidth {
    /// The replacement drawn for characters that must never reach the terminal.
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// The ellipsis appended by `truncate(_:toWidth:)`; one column wide.
    static let ellipsis = "…"

    /// Whether `wcwidth` can be trusted: it needs a UTF-8 `LC_CTYPE`, otherwise it returns -1 for
    /// every non-ASCII character (Devanagari and Malayalam names would all measure wrong).
    ///
    /// Evaluated once, on first use. If the process's `LC_CTYPE` codeset is not UTF-8 (a program
    /// that never called `setlocale` runs in the "C" locale, as the test runner does), it switches
    /// `LC_CTYPE` alone to C.UTF-8, the locale every glibc system ships; the terminal backend does
    /// the same before ncurses starts, so both measure with the same table. `setlocale` is not
    /// thread-safe, which is why this happens exactly once, guarded by the lazy static.
    private static let hasUTF8CharacterType: Bool = {
        if codesetIsUTF8() { return true }
        for name in ["C.UTF-8", "C.utf8", "UTF-8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if codesetIsUTF8() { return true }
        }
        return false
    }()

    /// Whether the current `LC_CTYPE` codeset, as `nl_langinfo(CODESET)` names it, is UTF-8.
    private static func codesetIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased().filter { $0 != "-" }
        return name == "UTF8"
    }

    // MARK: - Measuring

    /// The number of terminal columns a grapheme occupies (0 for a lone combining mark).
    static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if let first = scalars.first, scalars.count == 1, first.value >= 0x20, first.value < 0x7F {
            return 1
        }
        var sum = 0
        var isEmoji = false
        var hasEmojiVariationSelector = false
        for scalar in scalars {
            sum += width(of: scalar)
            let properties = scalar.properties
            if properties.isEmojiPresentation || properties.isEmojiModifier {
                isEmoji = true
            }
            if scalar.value == 0xFE0F {
                hasEmojiVariationSelector = true
            }
        }
        if hasEmojiVariationSelector, let first = scalars.first, first.properties.isEmoji {
            return 2
        }
        if isEmoji {
            return min(max(sum, 0), 2)
        }
        return max(sum, 0)
    }

    /// The number of terminal columns a string occupies.
    static func of(_ string: String) -> Int {
        if string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return string.utf8.count
        }
        return string.reduce(0) { $0 + of($1) }
    }

    /// The width of one code point: `wcwidth`, with the code points `sanitize(_:)` replaces
    /// counted as their one-column replacement.
    private static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20, value < 0x7F { return 1 }
        if isControl(value) { return 1 }
        guard hasUTF8CharacterType else { return estimatedWidth(of: scalar) }
        let measured = libcWcwidth(wchar_t(bitPattern: value))
        return measured < 0 ? 1 : Int(measured)
    }

    /// A rough width for the unlikely system without any UTF-8 locale, where `wcwidth` is useless.
    private static func estimatedWidth(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        let wideRanges: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
        ]
        return wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1
    }

    // MARK: - Fitting

    /// The longest prefix of `string` that fits in `width` columns, with "…" appended when
    /// anything was cut; never splits a grapheme, and the result is never wider than `width`.
    static func truncate(_ string: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if of(string) <= width { return string }
        let budget = width - of(ellipsis)
        var result = ""
        var used = 0
        for character in string {
            let characterWidth = of(character)
            if used + characterWidth > budget { break }
            result.append(character)
            used += characterWidth
        }
        while let last = result.last, last.isWhitespace {
            result.removeLast()
        }
        return result + ellipsis
    }

    /// `string` followed by spaces up to `width` columns; a wider string is returned unchanged.
    static func pad(_ string: String, toWidth width: Int) -> String {
        let missing = width - of(string)
        return missing > 0 ? string + String(repeating: " ", count: missing) : string
    }

    /// Spaces followed by `string` up to `width` columns (right alignment); a wider string is
    /// returned unchanged.
    static func padLeading(_ string: String, toWidth width: Int) -> String {
        let missing = width - of(string)
        return missing > 0 ? String(repeating: " ", count: missing) + string : string
    }

    /// `string` truncated and padded to exactly `width` columns.
    static func fit(_ string: String, toWidth width: Int) -> String {
        pad(truncate(string, toWidth: width), toWidth: width)
    }

    // MARK: - Sanitising

    /// `string` with every code point that must not reach the terminal replaced by U+FFFD.
    ///
    /// Replaced: C0 and C1 control characters (ESC, TAB, CR, LF and the rest) and DEL, which would
    /// move the cursor or start escape sequences; the bidirectional embedding, override and isolate
    /// controls, which can visually reorder what follows; and any code point `wcwidth` cannot
    /// measure (unassigned, or newer than the C library's tables), whose width the terminal would
    /// guess differently from us.
    static func sanitize(_ string: String) -> String {
        if string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return string
        }
        var scalars = String.UnicodeScalarView()
        var changed = false
        for scalar in string.unicodeScalars {
            if mustReplace(scalar) {
                scalars.append(replacement)
                changed = true
            } else {
                scalars.append(scalar)
            }
        }
        return changed ? String(scalars) : string
    }

    /// Whether `sanitize(_:)` replaces this code point.
    private static func mustReplace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x20, value < 0x7F { return false }
        if isControl(value) { return true }
        if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) { return true }
        return hasUTF8CharacterType && libcWcwidth(wchar_t(bitPattern: value)) < 0
    }

    /// C0 controls, DEL and C1 controls.
    private static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }
}
