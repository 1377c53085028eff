/// Turns what the backend reads with `wget_wch` into `Key`s; pure, so every table is tested
/// without a terminal.
enum KeyDecoder {
    /// The key for an `OK` result of `wget_wch` (a character code).
    ///
    /// CR and LF are Enter, 9 is Tab, 27 Escape, DEL and BS Backspace, 1…26 the Ctrl-letter
    /// chords (those not already named), 0 Ctrl-Space, 28…31 Ctrl-\ ] ^ _. C1 controls and
    /// invalid code points become U+FFFD so nothing unprintable reaches a text field.
    static func decode(wideCharacter code: UInt32) -> Key {
        switch code {
        case 13, 10: return .enter
        case 9: return .tab
        case 27: return .escape
        case 127, 8: return .backspace
        case 0: return .control(" ")
        case 1...26:
            return .control(Character(Unicode.Scalar(UInt8(code - 1) + UInt8(ascii: "a"))))
        case 28...31:
            return .control(Character(Unicode.Scalar(UInt8(code) + 64)))
        case 0x80...0x9F:
            return .character("\u{FFFD}")
        default:
            guard let scalar = Unicode.Scalar(code) else { return .character("\u{FFFD}") }
            return .character(Character(scalar))
        }
    }

    /// The key for a `KEY_CODE_YES` result of `wget_wch`, or nil for a key the desk does not use.
    static func decode(keyCode: Int32, codes: KeyCodes) -> Key? {
        switch keyCode {
        case codes.down: return .down
        case codes.up: return .up
        case codes.left: return .left
        case codes.right: return .right
        case codes.home: return .home
        case codes.end: return .end
        case codes.npage: return .pageDown
        case codes.ppage: return .pageUp
        case codes.dc: return .delete
        case codes.ic: return .insert
        case codes.btab: return .backTab
        case codes.backspace: return .backspace
        case codes.enter: return .enter
        case codes.resize: return .resize
        case (codes.f0 + 1)...(codes.f0 + 63): return .function(Int(keyCode - codes.f0))
        default: return nil
        }
    }
}
