import NewswireProducer
import Testing

@Suite("Delivery handoff")
struct DeliveryHandoffTests {
    static func events(_ seqs: ClosedRange<Int64>, bytes: Int = 10) -> [DeliveryHandoff.Event] {
        seqs.map { DeliveryHandoff.Event(seq: $0, articleID: "a\($0)", bytes: [UInt8](repeating: UInt8($0 % 251), count: bytes)) }
    }

    static func taken(_ take: DeliveryHandoff.Take) -> [Int64]? {
        guard case .events(let events) = take else { return nil }
        return events.map(\.seq)
    }

    @Test("committed events come out in order, at most the room asked for; an empty queue gives none")
    func inOrder() {
        let handoff = DeliveryHandoff(capacity: 100, startWithOutboxRead: false)
        #expect(Self.taken(handoff.take(limit: 10)) == [])
        #expect(handoff.offer(Self.events(1...5)) == 5)
        #expect(handoff.offer(Self.events(6...8)) == 3)
        #expect(Self.taken(handoff.take(limit: 4)) == [1, 2, 3, 4])
        #expect(handoff.count == 4)
        #expect(Self.taken(handoff.take(limit: 10)) == [5, 6, 7, 8])
        #expect(handoff.count == 0)
        let bytes = Self.events(9...9, bytes: 3)[0].bytes
        handoff.offer(Self.events(9...9, bytes: 3))
        guard case .events(let events) = handoff.take(limit: 1) else { Issue.record("expected events"); return }
        #expect(events.first?.articleID == "a9" && events.first?.bytes == bytes, "the committed bytes, as they were")
    }

    @Test("rows pending at start are read from the outbox first; offers meanwhile are left to that read")
    func startWithOutboxRead() {
        let handoff = DeliveryHandoff(capacity: 100, startWithOutboxRead: true)
        #expect(handoff.offer(Self.events(1...3)) == 0, "while the outbox must be read, the queue takes nothing (no gap before it)")
        #expect(Self.taken(handoff.take(limit: 10)) == nil, "read the outbox")
        handoff.beginOutboxRead()
        // The read came back short: the queue has everything from here on.
        #expect(handoff.offer(Self.events(4...5)) == 2)
        #expect(Self.taken(handoff.take(limit: 10)) == [4, 5])
    }

    @Test("a full outbox read asks for another; offers during it stay queued until the next read drops them")
    func fullReadContinues() {
        let handoff = DeliveryHandoff(capacity: 100, startWithOutboxRead: true)
        handoff.beginOutboxRead()
        #expect(handoff.offer(Self.events(10...12)) == 3)
        handoff.continueOutboxRead()
        #expect(handoff.mustReadOutbox)
        #expect(Self.taken(handoff.take(limit: 10)) == nil)
        handoff.beginOutboxRead()
        #expect(handoff.count == 0, "the next read sees those rows (they were committed before they were offered)")
        #expect(!handoff.mustReadOutbox)
    }

    @Test("past its capacity in events or bytes the queue takes none of a batch and sends delivery to the outbox until it has read it")
    func overflow() {
        let handoff = DeliveryHandoff(capacity: 4, byteCapacity: 1_000, startWithOutboxRead: false)
        #expect(handoff.offer(Self.events(1...3)) == 3)
        #expect(handoff.offer(Self.events(4...5)) == 0, "4 + 1 over a capacity of 4: all or nothing")
        #expect(handoff.offer(Self.events(6...6)) == 0, "after an overflow, later events go to the outbox too")
        #expect(Self.taken(handoff.take(limit: 10)) == nil)
        handoff.beginOutboxRead()
        #expect(handoff.count == 0)
        #expect(handoff.offer(Self.events(7...7, bytes: 600)) == 1)
        #expect(handoff.offer(Self.events(8...8, bytes: 600)) == 0, "1,200 bytes over a byte capacity of 1,000")
        #expect(Self.taken(handoff.take(limit: 10)) == nil)
    }

    @Test("a long run through a small queue keeps every event once, in order")
    func longRun() {
        let handoff = DeliveryHandoff(capacity: 3_000, startWithOutboxRead: false)
        var next: Int64 = 1
        var seen: [Int64] = []
        for round in 0..<2_000 {
            let count = Int64(round % 7 + 1)
            #expect(handoff.offer(Self.events(next...(next + count - 1))) == Int(count))
            next += count
            if let taken = Self.taken(handoff.take(limit: round % 5 + 1)) { seen += taken }
        }
        while let taken = Self.taken(handoff.take(limit: 100)), !taken.isEmpty { seen += taken }
        #expect(seen == Array(1..<next))
    }
}
