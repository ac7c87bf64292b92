import Foundation
import Testing
import ZeroMQ

/// The order that never hangs: `Context.shutdown()`, then every owner closes
/// its sockets, then the context goes away.
@Suite("Shutdown")
struct ShutdownTests {
    @Test("Context.shutdown() makes a blocking receive on another thread throw contextTerminated")
    func shutdownWakesBlockingReceive() async throws {
        let context = try Context()
        let pull = try Socket(context: context, type: .pull)
        _ = try bindLoopback(pull)
        let receiver = ThreadTask("blocked-receiver", with: pull) { pull -> ZMQError.Code? in
            defer { pull.close() }
            do {
                _ = try pull.receive()
                return nil
            } catch let error as ZMQError {
                return error.code
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(!receiver.isFinished)
        context.shutdown()
        let code = try await receiver.value(within: .seconds(5))
        #expect(code == .contextTerminated)
    }

    @Test("after Context.shutdown() an AsyncSocket ends its messages and send() throws")
    func shutdownEndsAsyncSocket() async throws {
        let context = try Context()
        let pull = try Socket(context: context, type: .pull)
        _ = try bindLoopback(pull)
        let async = try AsyncSocket(pull, name: "test.shutdown")
        let iteration = Task {
            var count = 0
            for await _ in async.messages { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(50))
        context.shutdown()
        #expect(try await within(.seconds(5), "the end of messages") { await iteration.value } == 0)
        #expect(throws: ZMQError(code: .contextTerminated, operation: "poll", endpoint: "test.shutdown")) {
            try async.send(Multipart(strings: ["after shutdown"]))
        }
        try await within(.seconds(5), "close() after shutdown") { await async.close() }
    }

    @Test("shutting down and closing everything never hangs, even with messages nobody will take")
    func closeEverything() async throws {
        try await onThread("close-everything", within: .seconds(20)) {
            var context: Context? = try Context()
            var sockets: [Socket] = []
            // A PUSH with messages queued to a peer that is gone, a blocked REQ, a ROUTER, a SUB.
            let dead = try DeadEndpoint()
            let push = try Socket(context: context!, type: .push)
            try push.connect(dead.endpoint)
            for _ in 0..<100 { try push.send(Multipart(strings: ["stranded"])) }
            sockets.append(push)
            let router = try Socket(context: context!, type: .router)
            let routerEndpoint = try bindLoopback(router)
            sockets.append(router)
            let req = try Socket(context: context!, type: .req)
            try req.connect(routerEndpoint)
            try req.send(Multipart(strings: ["never answered"]))
            sockets.append(req)
            let sub = try Socket(context: context!, type: .sub)
            try sub.connect(routerEndpoint)
            sockets.append(sub)

            context!.shutdown()
            for socket in sockets { socket.close() }
            sockets.removeAll()
            context = nil  // zmq_ctx_term: returns once LINGER (1 s by default) has passed
        }
        try await within(.seconds(20), "async sockets") {
            var context: Context? = try Context()
            let pull = try Socket(context: context!, type: .pull)
            _ = try bindLoopback(pull)
            let push = try Socket(context: context!, type: .push)
            _ = try bindLoopback(push)
            let sockets = [try AsyncSocket(pull, name: "a"), try AsyncSocket(push, name: "b")]
            try sockets[1].send(Multipart(strings: ["nobody will take this"]))
            context!.shutdown()
            for socket in sockets { await socket.close() }
            context = nil
        }
    }
}
