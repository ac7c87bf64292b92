import Foundation
import Testing
import ZeroMQ

@Suite("Volume")
struct VolumeTests {
    @Test("100,000 messages of 4 KB over TCP loopback all arrive, in order")
    func hundredThousandMessages() async throws {
        let count = 100_000, size = 4096
        let context = try Context()
        let pull = try Socket(context: context, type: .pull)
        let endpoint = try bindLoopback(pull)
        let start = ContinuousClock.now
        let receiver = ThreadTask("volume.pull", with: pull) { pull -> (received: Int, outOfOrder: Int, badSize: Int) in
            try pull.setReceiveTimeout(.seconds(20))  // a lost message fails instead of hanging
            var expected: UInt64 = 0, outOfOrder = 0, badSize = 0
            for _ in 0..<count {
                let message = try pull.receive()
                if message.count != 1 || message[0].count != size { badSize += 1 }
                if sequence(of: message[0]) != expected { outOfOrder += 1 }
                expected = sequence(of: message[0]) + 1
            }
            return (count, outOfOrder, badSize)
        }
        let sender = ThreadTask("volume.push") {
            let push = try Socket(context: context, type: .push)
            try push.connect(endpoint)
            var frame = [UInt8](repeating: 0xAB, count: size)
            for index in 0..<UInt64(count) {
                withUnsafeBytes(of: index.littleEndian) { raw in
                    for byte in 0..<8 { frame[byte] = raw[byte] }
                }
                try push.send(Multipart([frame]))
            }
        }
        try await sender.value(within: .seconds(120))
        let result = try await receiver.value(within: .seconds(120))
        let elapsed = ContinuousClock.now - start
        #expect(result.received == count)
        #expect(result.outOfOrder == 0)
        #expect(result.badSize == 0)
        let megabytes = Double(count * size) / 1_048_576
        print(String(format: "volume: %d × %d B in %.2f s: %.0f messages/s, %.0f MiB/s",
                     count, size, elapsed.seconds, Double(count) / elapsed.seconds, megabytes / elapsed.seconds))
    }
}
