#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging
import NewswireObservability
import NewswireTesting
import ServiceLifecycle
import Synchronization
import Testing

/// ``MemoryTrimmer``: memory freed in the middle of malloc's heap stays
/// resident until it is trimmed, and the service trims until shutdown.
@Suite("Memory trimmer", .serialized)
struct MemoryTrimmerTests {
    /// This process's resident set, from /proc/self/statm.
    private func residentBytes() throws -> Int {
        let fields = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8).split(separator: " ")
        return (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    #if canImport(Glibc)
    @Test("memory freed inside the heap stays resident until trimmed, then goes back to the kernel")
    func trimReturnsFreedMemory() throws {
        // 64 MB in 16 KB blocks (below malloc's mmap threshold, so they come from a
        // heap), each written so its pages are resident. Freeing all but every 16th
        // leaves 60 MB free in 240 KB holes that the kept blocks pin in place.
        let blockSize = 16 * 1024
        var blocks: [UnsafeMutableRawPointer] = []
        for _ in 0..<4_096 {
            let block = try #require(malloc(blockSize))
            memset(block, 0x5A, blockSize)
            blocks.append(block)
        }
        let allocated = try residentBytes()
        for (index, block) in blocks.enumerated() where index % 16 != 15 { free(block) }
        let freed = try residentBytes()
        let gaveBack = MemoryTrimmer.trim()
        let trimmed = try residentBytes()
        for (index, block) in blocks.enumerated() where index % 16 == 15 { free(block) }

        let megabyte = 1 << 20
        #expect(allocated - freed < 16 * megabyte, "free alone gives little back: \(allocated / megabyte) → \(freed / megabyte) MB")
        #expect(gaveBack)
        #expect(freed - trimmed > 40 * megabyte, "trimming gives the holes back: \(freed / megabyte) → \(trimmed / megabyte) MB")
    }
    #endif

    @Test("the service stops at graceful shutdown without waiting out its interval")
    func serviceStopsOnShutdown() async throws {
        let trimmer = MemoryTrimmer(interval: .seconds(3_600), logger: Logger(label: "test"))
        let group = ServiceGroup(services: [trimmer], logger: Logger(label: "test"))
        let stopped = Mutex(false)
        let running = Task {
            try await group.run()
            stopped.withLock { $0 = true }
        }
        try await Task.sleep(for: .milliseconds(50))
        await group.triggerGracefulShutdown()
        try await waitUntil("the trimmer stops", timeout: .seconds(10), every: .milliseconds(20)) { stopped.withLock { $0 } }
        try await running.value
    }
}
