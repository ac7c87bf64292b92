extension CompiledTaxonomy {
    /// Scratch for one classification call: the word buffer and a ring of
    /// recent word start offsets (to find where a multi-word match began).
    /// Lives on the stack for the duration of ``withScratch(_:)``.
    struct Scratch {
        let word: UnsafeMutablePointer<UInt8>
        let starts: UnsafeMutablePointer<Int>
        let ringMask: Int
    }

    /// Runs `body` with scratch memory sized for this taxonomy's longest pattern.
    func withScratch<Result>(_ body: (Scratch) -> Result) -> Result {
        var ringSize = 1
        while ringSize < automaton.longestPattern { ringSize <<= 1 }
        let wordBytes = (TextNormalizer.scratchCapacity + 15) & ~15
        return withUnsafeTemporaryAllocation(byteCount: wordBytes + ringSize * MemoryLayout<Int>.stride, alignment: 16) {
            memory in
            let base = memory.baseAddress!
            let word = base.initializeMemory(as: UInt8.self, repeating: 0, count: wordBytes)
            let starts = (base + wordBytes).initializeMemory(as: Int.self, repeating: 0, count: ringSize)
            return body(Scratch(word: word, starts: starts, ringMask: ringSize - 1))
        }
    }

    /// Appends every pattern occurrence in `text` to `hits`, in order of
    /// their last word. This is the hot loop: one pass over the UTF-8 bytes,
    /// one vocabulary probe per word, one automaton step per known word.
    func scan(_ text: String, segment: Int32, scratch: Scratch, into hits: inout [PatternHit]) {
        var text = text
        text.withUTF8 { bytes in
            withExtendedLifetime(self) {
                scanBytes(bytes, segment: segment, scratch: scratch, into: &hits)
            }
        }
    }

    @inline(__always)
    private func scanBytes(
        _ bytes: UnsafeBufferPointer<UInt8>, segment: Int32, scratch: Scratch, into hits: inout [PatternHit]
    ) {
        var scanner = TokenScanner(bytes, buffer: scratch.word)
        let buffer = scratch.word
        let starts = scratch.starts
        let ringMask = scratch.ringMask
        let outputStart = automaton.outputStart.base
        let outputs = automaton.outputs.base
        let lengths = automaton.patternLengths.base
        var state: Int32 = 0
        var wordIndex = 0
        while scanner.next() {
            defer { wordIndex &+= 1 }
            let id = scanner.isPlain
                ? vocabulary.id(plain: scanner.k0, scanner.k1)
                : vocabulary.id(stemming: buffer, length: scanner.length)
            guard id != 0 else {
                state = 0
                continue
            }
            starts[wordIndex & ringMask] = scanner.start
            state = automaton.next(state, id)
            let first = Int(outputStart[Int(state)])
            let last = Int(outputStart[Int(state) &+ 1])
            guard first != last else { continue }
            for k in first..<last {
                let pattern = outputs[k]
                let firstWord = wordIndex &- Int(lengths[Int(pattern)]) &+ 1
                hits.append(PatternHit(
                    pattern: pattern, segment: segment,
                    firstWord: Int32(truncatingIfNeeded: firstWord), endWord: Int32(truncatingIfNeeded: wordIndex &+ 1),
                    start: starts[firstWord & ringMask], end: scanner.end))
            }
        }
    }
}
