import AnlanNode
import AnlanRPC
import AnlanRecords
import AnlanTestSupport
import AnlanWire
import Logging
import NIOCore
import Testing

/// A record service's errors as its clients see them: through a real server on port 0 whose router is
/// a node's (`RPCRouter.forNode`), so the mapping is the one every node applies.
@Suite(.timeLimit(.minutes(1))) struct RecordServiceErrorTests {
    static let fail = RPCMethod<Echo, Echo>(id: 0x0F01, name: "test.fail", access: .connection)
    static let failStreaming = RPCMethod<Echo, Echo>(id: 0x0F02, name: "test.fail-streaming", access: .connection)

    /// Answers `fail` by throwing the error its payload names: a `RecordServiceError` of that code, or
    /// (for "other") an error of no layer's.
    func withFailingNode(_ body: (RPCClient) async throws -> Void) async throws {
        struct Other: Error, CustomStringConvertible { var description: String { "something else" } }
        @Sendable func error(named text: String) -> any Error {
            guard let code = RecordServiceError.Code.allCases.first(where: { "\($0)" == text }) else { return Other() }
            return RecordServiceError(code, "the \(text) message")
        }
        var router = RPCRouter.forNode()
        router.async(Self.fail) { request, _ in throw error(named: String(buffer: request.data)) }
        router.stream(Self.failStreaming) { request, _, writer in
            try await writer.send(request)
            throw error(named: String(buffer: request.data))
        }
        var logger = Logger(label: "record-errors")
        logger.logLevel = .critical
        let server = RPCServer(configuration: RPCServerConfiguration(), router: router, logger: logger)
        try await withServiceGroup([server], logger: logger) {
            let client = RPCClient(host: "127.0.0.1", port: try await server.port)
            do {
                try await body(client)
                await client.close()
            } catch {
                await client.close()
                throw error
            }
        }
    }

    @Test(arguments: RecordServiceError.Code.allCases)
    func eachCodeIsAnsweredWithItsStatusAndMessage(code: RecordServiceError.Code) async throws {
        try await withFailingNode { client in
            do {
                _ = try await client.call(Self.fail, Echo(data: ByteBuffer(string: "\(code)")))
                Issue.record("the call succeeded")
            } catch let error as RPCError {
                #expect(error.status == code.wireStatus)
                #expect(error.message == "the \(code) message")
            }
        }
    }

    @Test func theWireStatusesAreTheOnesOfTheSameName() {
        #expect(RecordServiceError.Code.allCases.map(\.wireStatus)
                == [.invalidArgument, .notFound, .alreadyExists, .failedPrecondition, .internal])
        #expect(RecordServiceError.Code.allCases.map(\.description) == RecordServiceError.Code.allCases.map(\.wireStatus.description))
    }

    @Test func aStreamEndsWithTheMappedStatus() async throws {
        try await withFailingNode { client in
            var received = 0
            do {
                for try await _ in try await client.stream(Self.failStreaming, Echo(data: ByteBuffer(string: "not found"))) { received += 1 }
                Issue.record("the stream ended without an error")
            } catch let error as RPCError {
                #expect(error.status == .notFound && error.message == "the not found message", "\(error)")
            }
            #expect(received == 1)
        }
    }

    @Test func otherErrorsAreLeftAlone() async throws {
        try await withFailingNode { client in
            do {
                _ = try await client.call(Self.fail, Echo(data: ByteBuffer(string: "other")))
                Issue.record("the call succeeded")
            } catch let error as RPCError {
                #expect(error.status == .internal && error.message == "something else", "\(error)")
            }
        }
        let passed = RPCError.answering(RPCError.unavailable("down"))
        #expect((passed as? RPCError)?.status == .unavailable)
    }
}
