/// Assembles the results of one read batch (everything `wget_wch` returned without waiting) into
/// keys: Alt chords, bracketed pastes and paste bursts.
///
/// ncurses decodes the terminal's known escape sequences (arrows, F-keys) itself after a short
/// `ESCDELAY`; what it passes through as a plain ESC is handled here:
/// - ESC followed in the same batch by a printable character is Alt plus that character; an ESC
///   with nothing printable after it in the batch is Escape (no timer: a person cannot type the
///   next key within one read).
/// - A bracketed paste (`ESC [200~ … ESC [201~`, which terminals send once the backend enables
///   mode 2004) becomes `.paste`, also when it spans several batches; other CSI sequences ncurses
///   did not recognise are dropped rather than typed into a field.
/// - More than `pasteBurstLength` printable code points in a row in one batch (a paste into a
///   terminal without bracketed paste) become one `.paste`, so a long string is inserted at once.
struct EscapeSequenceAssembler: Sendable {
    /// One result of `wget_wch`.
    enum Input: Equatable, Sendable {
        /// An `OK` result: a character code, decoded here with `KeyDecoder.decode(wideCharacter:)`.
        case character(UInt32)
        /// A `KEY_CODE_YES` result the backend already decoded with `KeyDecoder.decode(keyCode:codes:)`.
        case key(Key)
    }

    /// A run of printable code points longer than this in one batch is a paste.
    var pasteBurstLength: Int
    /// The text of a bracketed paste whose end marker has not arrived yet; nil outside a paste.
    private var bracketedPaste: String?

    /// Creates an assembler outside any paste.
    init(pasteBurstLength: Int = 8) {
        self.pasteBurstLength = pasteBurstLength
    }

    /// Whether a bracketed paste has started and not yet ended.
    var isInsideBracketedPaste: Bool { bracketedPaste != nil }

    /// The keys in one read batch, in order.
    mutating func assemble(_ batch: [Input]) -> [Key] {
        var keys: [Key] = []
        var run = ""
        func flushRun() {
            guard !run.isEmpty else { return }
            // Count code points as they arrived, not graphemes: a typist cannot deliver nine code
            // points in one read, while a pasted Devanagari name has few but long graphemes.
            if run.unicodeScalars.count > pasteBurstLength {
                keys.append(.paste(run))
            } else {
                keys.append(contentsOf: run.map { Key.character($0) })
            }
            run = ""
        }

        var index = 0
        while index < batch.count {
            if var pasted = bracketedPaste {
                if let afterEnd = Self.endOfCSI(in: batch, escapeAt: index, matching: "201~") {
                    if !pasted.isEmpty { keys.append(.paste(pasted)) }
                    bracketedPaste = nil
                    index = afterEnd
                } else {
                    if case .character(let code) = batch[index], let scalar = Unicode.Scalar(code) {
                        pasted.unicodeScalars.append(scalar)
                    }
                    bracketedPaste = pasted
                    index += 1
                }
                continue
            }
            switch batch[index] {
            case .character(27):
                flushRun()
                index = escape(in: batch, at: index, into: &keys)
            case .character(let code):
                if let character = Self.printable(code) {
                    run.append(character)
                } else {
                    flushRun()
                    keys.append(KeyDecoder.decode(wideCharacter: code))
                }
                index += 1
            case .key(let key):
                flushRun()
                keys.append(key)
                index += 1
            }
        }
        flushRun()
        if let pasted = bracketedPaste, !pasted.isEmpty {
            // Deliver what has arrived so far; the paste goes on in the next batch.
            keys.append(.paste(pasted))
            bracketedPaste = ""
        }
        return keys
    }

    /// Handles the ESC at `index`, appending its key if any; returns the index after what it used.
    private mutating func escape(in batch: [Input], at index: Int, into keys: inout [Key]) -> Int {
        let next = index + 1
        guard next < batch.count, case .character(let code) = batch[next], let character = Self.printable(code) else {
            keys.append(.escape)
            return next
        }
        if character == "[", next + 1 < batch.count {
            if let afterStart = Self.endOfCSI(in: batch, escapeAt: index, matching: "200~") {
                bracketedPaste = ""
                return afterStart
            }
            if let afterSequence = Self.endOfCSI(in: batch, escapeAt: index, matching: nil) {
                return afterSequence
            }
        }
        keys.append(.alt(character))
        return next + 1
    }

    /// If a complete CSI sequence (`ESC [ parameters final`) starts at `start` and its parameters
    /// and final byte equal `expected` (or anything, when nil), the index just after it.
    private static func endOfCSI(in batch: [Input], escapeAt start: Int, matching expected: String?) -> Int? {
        guard start + 1 < batch.count, batch[start] == .character(27), batch[start + 1] == .character(0x5B) else {
            return nil
        }
        var body = ""
        var index = start + 2
        while index < batch.count, case .character(let code) = batch[index] {
            switch code {
            case 0x20...0x3F:
                body.unicodeScalars.append(Unicode.Scalar(UInt8(code)))
            case 0x40...0x7E:
                body.unicodeScalars.append(Unicode.Scalar(UInt8(code)))
                guard let expected else { return index + 1 }
                return body == expected ? index + 1 : nil
            default:
                return nil
            }
            index += 1
        }
        return nil
    }

    /// The character for a printable code: not a C0 or C1 control, not DEL, a valid code point.
    private static func printable(_ code: UInt32) -> Character? {
        guard code >= 0x20, !(0x7F...0x9F).contains(code), let scalar = Unicode.Scalar(code) else { return nil }
        return Character(scalar)
    }
}
