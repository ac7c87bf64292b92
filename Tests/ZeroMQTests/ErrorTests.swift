import Foundation
import Testing
import ZeroMQ

/// Failures carry what a person needs: operation, endpoint, errno and message.
@Suite("Errors")
struct ErrorTests {
    @Test("bind to a bad endpoint throws a ZMQError naming the endpoint, errno and libzmq's message",
          arguments: ["tcp://127.0.0.1:notaport", "nonsense://nowhere", "tcp://127.0.0.1"])
    func badEndpoint(endpoint: String) throws {
        let context = try Context()
        let socket = try Socket(context: context, type: .pull)
        let error = try #require(throws: ZMQError.self) { try socket.bind(endpoint) }
        #expect(error.operation == "bind")
        #expect(error.endpoint == endpoint)
        #expect(error.code != .wouldBlock)
        #expect(!error.code.description.isEmpty)
        #expect(error.description.contains(endpoint))
        #expect(error.description.contains("errno \(error.code.errno)"))
        #expect(error.description.contains(error.code.description), "libzmq's message (zmq_strerror)")
    }

    @Test("connect to a malformed endpoint names the endpoint")
    func badConnect() throws {
        let context = try Context()
        let socket = try Socket(context: context, type: .dealer)
        let error = try #require(throws: ZMQError.self) { try socket.connect("tcp://:::") }
        #expect(error.operation == "connect")
        #expect(error.description.contains("tcp://:::"))
    }

    @Test("binding an endpoint that is taken throws addressInUse")
    func bindTwice() throws {
        let context = try Context()
        let first = try Socket(context: context, type: .router)
        let endpoint = try bindLoopback(first)
        let second = try Socket(context: context, type: .router)
        let error = try #require(throws: ZMQError.self) { try second.bind(endpoint) }
        #expect(error.code == .addressInUse)
        #expect(error.endpoint == endpoint)
        #expect(error.description.contains("errno \(ZMQError.Code.addressInUse.errno)"))
        // The same socket again, too.
        #expect(throws: ZMQError(code: .addressInUse, operation: "bind", endpoint: endpoint)) { try first.bind(endpoint) }
    }

    @Test("every operation on a closed socket throws notSocket; close is idempotent")
    func useAfterClose() throws {
        let context = try Context()
        let socket = try Socket(context: context, type: .sub)
        let endpoint = try bindLoopback(socket)
        #expect(socket.isOpen)
        socket.close()
        socket.close()
        #expect(!socket.isOpen)

        func expectNotSocket(_ operation: String, _ body: () throws -> Void) {
            do {
                try body()
                Issue.record("\(operation) on a closed socket did not throw")
            } catch let error as ZMQError {
                #expect(error.code == .notSocket, "\(operation)")
                #expect(error.description.contains("errno \(ZMQError.Code.notSocket.errno)"))
            } catch {
                Issue.record("\(operation) threw \(error), not a ZMQError")
            }
        }
        expectNotSocket("bind") { _ = try socket.bind("tcp://127.0.0.1:*") }
        expectNotSocket("connect") { try socket.connect(endpoint) }
        expectNotSocket("unbind") { try socket.unbind(endpoint) }
        expectNotSocket("disconnect") { try socket.disconnect(endpoint) }
        expectNotSocket("send") { try socket.send(Multipart(strings: ["x"])) }
        expectNotSocket("receive") { _ = try socket.receive() }
        expectNotSocket("tryReceive") { _ = try socket.tryReceive() }
        expectNotSocket("receive(timeout:)") { _ = try socket.receive(timeout: .milliseconds(10)) }
        expectNotSocket("poll") { _ = try socket.poll(events: .readable, timeout: .zero) }
        expectNotSocket("setLinger") { try socket.setLinger(.zero) }
        expectNotSocket("subscribe") { try socket.subscribe("x") }
        expectNotSocket("lastEndpoint") { _ = try socket.lastEndpoint }
        expectNotSocket("events") { _ = try socket.events }
        var poller = Poller()
        poller.add(socket)
        expectNotSocket("Poller.poll") { _ = try poller.poll(timeout: .zero) }
    }

    @Test("a bad option value names the option")
    func badOption() throws {
        let context = try Context()
        let socket = try Socket(context: context, type: .dealer)
        // A routing id longer than 255 bytes is invalid.
        let error = try #require(throws: ZMQError.self) { try socket.setRoutingID([UInt8](repeating: 65, count: 300)) }
        #expect(error.operation == "setsockopt(ROUTING_ID)")
        #expect(error.description.contains("ROUTING_ID"))
    }

    @Test("codes compare by errno and describe themselves")
    func codes() {
        #expect(ZMQError.Code.wouldBlock == ZMQError.Code(errno: ZMQError.Code.wouldBlock.errno))
        #expect(ZMQError.Code.wouldBlock != .contextTerminated)
        let all: [ZMQError.Code] = [.wouldBlock, .contextTerminated, .interrupted, .addressInUse, .notSocket, .hostUnreachable]
        #expect(Set(all).count == all.count)
        for code in all { #expect(!code.description.isEmpty) }
        let error = ZMQError(code: .contextTerminated, operation: "receive")
        #expect(error.description == "zmq receive failed: \(ZMQError.Code.contextTerminated.description) (errno \(ZMQError.Code.contextTerminated.errno))")
    }
}
