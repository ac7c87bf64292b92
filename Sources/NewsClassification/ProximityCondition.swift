/// Evidence that needs two things close together: an anchor term and a
/// context term no more than `window` words apart, in the same title or paragraph.
///
/// This expresses "Snowden *and* a word about sending him back", which a single
/// phrase cannot: `anchor: [snowden]`, `context: [return, extradite, asylum]`,
/// `within: 12`. Each anchor occurrence fires at most once, paired with its
/// nearest context occurrence, and adds `weight`. Terms may be multi-word
/// (`hand over`) and are normalized like phrases.
public struct ProximityCondition: Sendable, Equatable {
    /// Terms that the condition is about (any one of them).
    public var anchor: [String]
    /// Terms that must appear near an anchor (any one of them).
    public var context: [String]
    /// Largest distance in words: 1 means adjacent, and the words in between
    /// plus one are counted (the YAML key is `within`).
    public var window: Int
    public var weight: Double

    public init(anchor: [String], context: [String], window: Int, weight: Double) {
        self.anchor = anchor
        self.context = context
        self.window = window
        self.weight = weight
    }
}
