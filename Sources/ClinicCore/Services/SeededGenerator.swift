/// A small deterministic pseudo-random generator (SplitMix64) for demo data.
///
/// The same seed gives the same sequence on every machine and Swift version: the helpers below map
/// the raw 64-bit output to ranges themselves instead of relying on the standard library's
/// `random(in:using:)`, whose algorithm is not promised to stay the same.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose whole sequence follows from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator seeded by the FNV-1a hash of `text` (e.g. "demo|2026-11-26|2000|12").
    init(seedText text: String) {
        self.init(seed: SeededGenerator.fnv1a(text))
    }

    /// An independent generator for item `index` of a stream: patient 812 gets the same values
    /// whichever pass (users, then profiles) asks for them.
    func derived(_ stream: UInt64, _ index: Int) -> SeededGenerator {
        var mixer = SeededGenerator(seed: state ^ (stream &* 0xA24B_AED4_963E_E407))
        let salt = mixer.next()
        return SeededGenerator(seed: salt ^ (UInt64(truncatingIfNeeded: index) &* 0x9FB2_1C65_1E98_DF25))
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A value in `0..<bound` (multiply-shift; the bias is below 2^-32 for the small bounds used here).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(((next() >> 32) &* UInt64(bound)) >> 32)
    }

    /// A value in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `perMille`/1000.
    mutating func chance(perMille: Int) -> Bool {
        below(1000) < perMille
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// One key chosen with probability proportional to its weight.
    mutating func pick<Element>(weighted choices: [(Element, Int)]) -> Element {
        let total = choices.reduce(0) { $0 + $1.1 }
        var roll = below(total)
        for (element, weight) in choices {
            if roll < weight { return element }
            roll -= weight
        }
        return choices[choices.count - 1].0
    }

    /// An index into a list whose early entries are more common (weight 1/(k+3): as in real name
    /// registers, a few names cover a good part of the list without crowding out the rest).
    mutating func zipfIndex(count: Int) -> Int {
        var total = 0
        for rank in 0..<count { total += 10_000 / (rank + 3) }
        var roll = below(total)
        for rank in 0..<count {
            let weight = 10_000 / (rank + 3)
            if roll < weight { return rank }
            roll -= weight
        }
        return count - 1
    }

    /// `count` letters and digits, as Razorpay ids use.
    mutating func alphanumeric(_ count: Int) -> String {
        let characters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var text = ""
        text.reserveCapacity(count)
        for _ in 0..<count { text.append(characters[below(characters.count)]) }
        return text
    }

    /// `count` lower-case letters (Google Meet codes).
    mutating func letters(_ count: Int) -> String {
        let characters = Array("abcdefghijklmnopqrstuvwxyz")
        var text = ""
        for _ in 0..<count { text.append(characters[below(characters.count)]) }
        return text
    }

    /// FNV-1a over the UTF-8 bytes of `text`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
