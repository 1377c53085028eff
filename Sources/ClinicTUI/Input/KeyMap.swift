import Foundation

/// A screen's key table: looks up the action for a key, validates the table (no key bound twice,
/// no action without help) and feeds the footer, the grouped help and the command palette.
struct KeyMap<Action: Hashable & Sendable>: Sendable {
    /// The bindings in the order they were given: the footer shows them in this order, so put
    /// the most useful first.
    let bindings: [KeyBinding<Action>]
    /// The first binding's action for each key.
    private let actionsByKey: [Key: Action]

    /// Creates a key map; when a key is bound twice the first binding wins (and
    /// `duplicateKeys()` reports it, which a test turns into a failure).
    init(_ bindings: [KeyBinding<Action>]) {
        self.bindings = bindings
        var actionsByKey: [Key: Action] = [:]
        for binding in bindings {
            for key in binding.keys where actionsByKey[key] == nil {
                actionsByKey[key] = binding.action
            }
        }
        self.actionsByKey = actionsByKey
    }

    /// The action bound to `key`, if any.
    func action(for key: Key) -> Action? {
        actionsByKey[key]
    }

    /// The binding for `action`, if any.
    func binding(for action: Action) -> KeyBinding<Action>? {
        bindings.first { $0.action == action }
    }

    // MARK: - Validation

    /// Keys bound more than once, in order of first appearance.
    func duplicateKeys() -> [Key] {
        var seen: Set<Key> = []
        var duplicates: [Key] = []
        for key in bindings.flatMap(\.keys) {
            if !seen.insert(key).inserted, !duplicates.contains(key) {
                duplicates.append(key)
            }
        }
        return duplicates
    }

    /// Actions whose binding has an empty title or help sentence, which help and the palette could
    /// not describe.
    func bindingsWithoutHelp() -> [Action] {
        bindings.filter {
            $0.help.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                || $0.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }.map(\.action)
    }

    // MARK: - Help, palette, footer

    /// The bindings under their group headings, groups in order of first appearance and bindings
    /// in their given order.
    func grouped() -> [(group: String, bindings: [KeyBinding<Action>])] {
        var groups: [(group: String, bindings: [KeyBinding<Action>])] = []
        for binding in bindings {
            if let index = groups.firstIndex(where: { $0.group == binding.group }) {
                groups[index].bindings.append(binding)
            } else {
                groups.append((binding.group, [binding]))
            }
        }
        return groups
    }

    /// The bindings matching what was typed into the command palette, best first.
    ///
    /// Matching ignores case and diacritics, and every typed word must occur in the title or the
    /// help sentence, in any order. Ranking: the title starts with the typed text, then every word
    /// starts a word of the title, then every word occurs in the title, then the rest; ties keep
    /// the table's order. Empty text lists every binding.
    func search(_ text: String) -> [KeyBinding<Action>] {
        let query = Self.normalised(text)
        let words = query.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return bindings }
        let phrase = words.joined(separator: " ")
        var ranked: [(rank: Int, position: Int, binding: KeyBinding<Action>)] = []
        for (position, binding) in bindings.enumerated() {
            let title = Self.normalised(binding.title)
            let haystack = title + " " + Self.normalised(binding.help)
            guard words.allSatisfy({ haystack.contains($0) }) else { continue }
            let titleWords = title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            let rank: Int
            if title.hasPrefix(phrase) {
                rank = 0
            } else if words.allSatisfy({ word in titleWords.contains { $0.hasPrefix(word) } }) {
                rank = 1
            } else if words.allSatisfy({ title.contains($0) }) {
                rank = 2
            } else {
                rank = 3
            }
            ranked.append((rank, position, binding))
        }
        return ranked.sorted { ($0.rank, $0.position) < ($1.rank, $1.position) }.map(\.binding)
    }

    /// The footer's bindings: those shown in the footer and not hidden, in table order, as many
    /// as fit in `width` columns laid out as `Footer` draws them.
    func footerBindings(width: Int, availability: (Action) -> BindingAvailability) -> [KeyBinding<Action>] {
        let candidates = bindings.filter { $0.showsInFooter && availability($0.action) != .hidden }
        let entries = candidates.map { Footer.Entry(keyName: $0.primaryKeyName, title: $0.title) }
        return Array(candidates.prefix(Footer.fitting(entries, width: width).count))
    }

    /// `footerBindings(width:availability:)` as entries ready for `Footer.render`.
    func footerEntries(width: Int, availability: (Action) -> BindingAvailability) -> [Footer.Entry] {
        footerBindings(width: width, availability: availability).map {
            Footer.Entry(keyName: $0.primaryKeyName, title: $0.title, availability: availability($0.action))
        }
    }

    /// Lowercased, without diacritics, so "cafe" finds "Café".
    private static func normalised(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
