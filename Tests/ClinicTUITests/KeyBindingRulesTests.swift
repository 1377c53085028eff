import Testing

@testable import ClinicTUI

@Suite("key bindings are data")
struct KeyBindingRulesTests {
    @Test("no two bindings of one screen share a key, and every action has help text")
    func noDuplicatesAndHelpEverywhere() {
        let screens: [(String, KeyMap<DeskAction>)] = [
            ("Today", KeyMap(DeskKeyMaps.global.grouped().flatMap(\.bindings) + DeskKeyMaps.today.grouped().flatMap(\.bindings))),
            ("Patients", KeyMap(DeskKeyMaps.global.grouped().flatMap(\.bindings) + DeskKeyMaps.patients.grouped().flatMap(\.bindings))),
            ("Form", DeskKeyMaps.form),
        ]
        for (name, map) in screens {
            #expect(map.duplicateKeys().isEmpty, "\(name) has duplicate keys: \(map.duplicateKeys())")
            #expect(map.bindingsWithoutHelp().isEmpty, "\(name) has actions without help: \(map.bindingsWithoutHelp())")
        }
    }

    @Test("every screen key the issue names is bound: F1, ?, Ctrl-P, :, F2, 1, F12, Ctrl-L, Esc, q")
    func requiredKeys() {
        let keys: [Key] = [
            .function(1), .character("?"), .control("p"), .character(":"), .function(2), .character("1"),
            .function(12), .control("l"), .escape, .character("q"),
        ]
        for key in keys {
            #expect(DeskKeyMaps.global.action(for: key) != nil, "\(key.displayName) is not bound")
        }
    }
}
