/// An Aho–Corasick automaton over word ids: every phrase of every topic is a
/// path from the root, and one pass over an article's words reports every
/// phrase occurrence, however many topics there are.
///
/// Transitions out of the root are a dense array indexed by word id (most
/// words in an article are read at the root). Deeper transitions live in one
/// open-addressing table keyed by `(state, word)`. A missing transition
/// follows failure links; an unknown word (id 0) resets to the root, since no
/// phrase contains it. Each state lists the patterns that end there, including
/// those inherited through failure links, so reporting needs no chain walks.
struct PhraseAutomaton: Sendable {
    let stateCount: Int
    /// Word count of each pattern.
    let patternLengths: FrozenBuffer<Int32>
    let longestPattern: Int
    private let rootNext: FrozenBuffer<Int32>
    private let edgeKeys: FrozenBuffer<UInt64>
    private let edgeTargets: FrozenBuffer<Int32>
    private let edgeShift: UInt64
    private let failure: FrozenBuffer<Int32>
    /// Patterns ending at state `s` are `outputs[outputStart[s]..<outputStart[s + 1]]`.
    let outputStart: FrozenBuffer<Int32>
    let outputs: FrozenBuffer<Int32>

    private static let emptyKey = UInt64.max

    /// - Parameters:
    ///   - patterns: distinct, non-empty word-id sequences; pattern `i` is reported as `i`.
    ///   - wordCount: the largest word id.
    init(patterns: [[Int32]], wordCount: Int) {
        var children: [[(word: Int32, state: Int32)]] = [[]]
        var edges: [UInt64: Int32] = [:]
        var ownOutputs: [[Int32]] = [[]]
        var rootTable = [Int32](repeating: 0, count: wordCount + 1)
        for (index, pattern) in patterns.enumerated() {
            var state: Int32 = 0
            for word in pattern {
                let next: Int32? = state == 0
                    ? (rootTable[Int(word)] == 0 ? nil : rootTable[Int(word)])
                    : edges[Self.edgeKey(state, word)]
                if let next {
                    state = next
                    continue
                }
                let created = Int32(children.count)
                children.append([])
                ownOutputs.append([])
                children[Int(state)].append((word, created))
                if state == 0 { rootTable[Int(word)] = created } else { edges[Self.edgeKey(state, word)] = created }
                state = created
            }
            ownOutputs[Int(state)].append(Int32(index))
        }

        // Failure links and merged outputs, breadth first.
        let count = children.count
        func step(_ state: Int32, _ word: Int32) -> Int32? {
            if state == 0 { let next = rootTable[Int(word)]; return next == 0 ? nil : next }
            return edges[Self.edgeKey(state, word)]
        }
        var fail = [Int32](repeating: 0, count: count)
        var merged = ownOutputs
        var queue: [Int32] = children[0].map(\.state)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (word, child) in children[Int(state)] {
                var f = fail[Int(state)]
                var target: Int32 = 0
                while true {
                    if let next = step(f, word) { target = next; break }
                    if f == 0 { break }
                    f = fail[Int(f)]
                }
                fail[Int(child)] = target
                merged[Int(child)].append(contentsOf: merged[Int(target)])
                queue.append(child)
            }
        }

        var starts: [Int32] = [0]
        var flat: [Int32] = []
        for list in merged {
            flat.append(contentsOf: list)
            starts.append(Int32(flat.count))
        }

        var bits: UInt64 = 4
        while (1 << bits) < edges.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        var keys = [UInt64](repeating: Self.emptyKey, count: capacity)
        var targets = [Int32](repeating: 0, count: capacity)
        let shift = 64 - bits
        for (key, target) in edges.sorted(by: { $0.key < $1.key }) {
            var position = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[position] != Self.emptyKey { position = (position + 1) & (capacity - 1) }
            keys[position] = key
            targets[position] = target
        }

        stateCount = count
        patternLengths = FrozenBuffer(patterns.map { Int32($0.count) })
        longestPattern = patterns.map(\.count).max() ?? 1
        rootNext = FrozenBuffer(rootTable)
        edgeKeys = FrozenBuffer(keys)
        edgeTargets = FrozenBuffer(targets)
        edgeShift = shift
        failure = FrozenBuffer(fail)
        outputStart = FrozenBuffer(starts)
        outputs = FrozenBuffer(flat)
    }

    @inline(__always)
    private static func edgeKey(_ state: Int32, _ word: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: state)) << 32 | UInt64(UInt32(bitPattern: word))
    }

    /// The state after reading `word` (which must be a known id, not 0) in `state`.
    @inline(__always)
    func next(_ state: Int32, _ word: Int32) -> Int32 {
        var current = state
        let keys = edgeKeys.base
        let targets = edgeTargets.base
        let mask = (1 << (64 - Int(edgeShift))) - 1
        while current != 0 {
            let key = Self.edgeKey(current, word)
            var position = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> edgeShift)
            while true {
                let probe = keys[position]
                if probe == key { return targets[position] }
                if probe == Self.emptyKey { break }
                position = (position &+ 1) & mask
            }
            current = failure.base[Int(current)]
        }
        return rootNext.base[Int(word)]
    }
}
