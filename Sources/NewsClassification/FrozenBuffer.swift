/// A fixed array copied once into manually managed memory, so the matching
/// loop can read it through a plain pointer (no bounds checks, no
/// `withUnsafeBufferPointer` nesting, no copy-on-write checks).
///
/// Never mutated after `init`, which is what makes the `@unchecked Sendable`
/// conformance sound.
final class FrozenBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(_ elements: [Element]) {
        count = elements.count
        base = .allocate(capacity: max(count, 1))
        elements.withUnsafeBufferPointer { source in
            if let address = source.baseAddress { base.initialize(from: address, count: count) }
        }
    }

    deinit { base.deallocate() }

    subscript(index: Int) -> Element { base[index] }
}
