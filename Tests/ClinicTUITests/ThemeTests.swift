import Testing

@testable import ClinicTUI

@Suite("theme")
struct ThemeTests {
    /// States a receptionist must tell apart without colour.
    static let meaningfulRoles: [StyleRole] = [
        .selection, .danger, .warning, .success, .locked, .slotFree, .slotBooked, .slotBlocked,
    ]

    /// What a role looks like in a theme: attributes plus symbol.
    struct Look: Hashable {
        var attributes: TerminalAttributes
        var symbol: String?
    }

    @Test("in monochrome no two meaningful states look the same")
    func monochromeDistinguishable() {
        let theme = Theme.monochrome
        for (index, role) in Self.meaningfulRoles.enumerated() {
            let look = Look(attributes: theme.attributes(for: role), symbol: theme.symbol(for: role))
            #expect(look.attributes.foreground == nil && look.attributes.background == nil)
            for other in Self.meaningfulRoles.dropFirst(index + 1) {
                let otherLook = Look(attributes: theme.attributes(for: other), symbol: theme.symbol(for: other))
                #expect(look != otherLook, "\(role) and \(other) look identical in monochrome")
            }
            #expect(look != Look(attributes: theme.attributes(for: .normal), symbol: theme.symbol(for: .normal)))
        }
    }

    @Test("monochrome uses no colour at all")
    func monochromeHasNoColour() {
        for role in StyleRole.allCases {
            let attributes = Theme.monochrome.attributes(for: role)
            #expect(attributes.foreground == nil)
            #expect(attributes.background == nil)
        }
    }

    @Test("selection and locked are reversed, danger bold and underlined")
    func monochromeAttributes() {
        #expect(Theme.monochrome.attributes(for: .selection).reverse)
        #expect(Theme.monochrome.attributes(for: .locked).reverse)
        #expect(Theme.monochrome.attributes(for: .danger).bold)
        #expect(Theme.monochrome.attributes(for: .danger).underline)
        #expect(Theme.monochrome.symbol(for: .danger) == "!")
    }

    @Test("the colour theme keeps the terminal's own background for ordinary text")
    func colourBackground() {
        #expect(Theme.colour.attributes(for: .normal) == .plain)
        #expect(Theme.colour.attributes(for: .muted).background == nil)
        #expect(Theme.colour.attributes(for: .danger).foreground == .red)
    }

    @Test("every symbol is one column wide")
    func symbolWidths() {
        for theme in [Theme.colour, Theme.monochrome] {
            for role in StyleRole.allCases {
                if let symbol = theme.symbol(for: role) {
                    #expect(DisplayWidth.of(symbol) == 1, "\(theme.name) symbol for \(role)")
                }
            }
        }
    }

    @Test(
        "NO_COLOR or a terminal without colours chooses monochrome",
        arguments: [
            (["NO_COLOR": "1"], true, "monochrome"),
            (["NO_COLOR": "yes"], true, "monochrome"),
            (["NO_COLOR": ""], true, "colour"),
            ([:], true, "colour"),
            ([:], false, "monochrome"),
            (["TERM": "xterm-256color"], false, "monochrome"),
        ])
    func choice(environment: [String: String], hasColours: Bool, expected: String) {
        #expect(Theme.choose(environment: environment, terminalHasColours: hasColours).name == expected)
    }

    @Test("style dump symbols are unique per role")
    func dumpSymbols() {
        #expect(Set(StyleRole.allCases.map(\.dumpSymbol)).count == StyleRole.allCases.count)
    }
}
