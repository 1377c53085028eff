/// The ncurses key constants `KeyDecoder` needs, passed in by the terminal backend so that this
/// module never imports ncurses.
struct KeyCodes: Equatable, Sendable {
    var down: Int32
    var up: Int32
    var left: Int32
    var right: Int32
    var home: Int32
    var end: Int32
    /// KEY_NPAGE (Page Down).
    var npage: Int32
    /// KEY_PPAGE (Page Up).
    var ppage: Int32
    /// KEY_DC (Delete).
    var dc: Int32
    /// KEY_IC (Insert).
    var ic: Int32
    /// KEY_BTAB (Shift-Tab).
    var btab: Int32
    var backspace: Int32
    /// KEY_ENTER (the keypad's Enter).
    var enter: Int32
    var resize: Int32
    /// KEY_F0; F(n) is `f0 + n`.
    var f0: Int32

    /// Creates the table from the backend's constants.
    init(
        down: Int32, up: Int32, left: Int32, right: Int32, home: Int32, end: Int32, npage: Int32, ppage: Int32,
        dc: Int32, ic: Int32, btab: Int32, backspace: Int32, enter: Int32, resize: Int32, f0: Int32
    ) {
        self.down = down
        self.up = up
        self.left = left
        self.right = right
        self.home = home
        self.end = end
        self.npage = npage
        self.ppage = ppage
        self.dc = dc
        self.ic = ic
        self.btab = btab
        self.backspace = backspace
        self.enter = enter
        self.resize = resize
        self.f0 = f0
    }

    /// The values ncurses 6 defines in curses.h, for tests; the backend passes the real constants.
    static let ncurses6 = KeyCodes(
        down: 0o402, up: 0o403, left: 0o404, right: 0o405, home: 0o406, end: 0o550, npage: 0o522, ppage: 0o523,
        dc: 0o512, ic: 0o513, btab: 0o541, backspace: 0o407, enter: 0o527, resize: 0o632, f0: 0o410
    )
}
