import AnlanRPC
import AnlanWire
import NIOCore
import Testing

/// A person's credential in a REQUEST frame (`FrameFlags.credential`): carried by the calls of a task
/// that has one, read by the server before the request, handed to the handler, and carried again by
/// the handler's own calls; a malformed one is answered, and the connection stays.
@Suite struct CredentialFrameTests {
    @Test func aTasksCredentialTravelsWithItsCallsAndOnToTheHandlersOwn() async throws {
        try await withTestServer { _, port in
            let client = RPCClient(host: "127.0.0.1", port: port)
            #expect(try await client.call(TestMethods.credential, Blob("x")).text == "- - 1")
            let credential = RPCCredential(token: "header.claims.signature")
            // Past the compression threshold (the second call), the credential is inside the compressed payload.
            let large = Blob(data: ByteBuffer(repeating: UInt8(ascii: "a"), count: 64 * 1024))
            let (small, big) = try await RPCCredential.$current.withValue(credential) {
                (try await client.call(TestMethods.credential, Blob("x")).text, try await client.call(TestMethods.credential, large).text)
            }
            #expect(small == "header.claims.signature header.claims.signature 1")
            #expect(big == "header.claims.signature header.claims.signature 65536")
            await client.close()
        }
    }

    @Test func aTooLongCredentialIsRefusedBeforeItIsSent() async throws {
        try await withTestServer { server, port in
            let client = RPCClient(host: "127.0.0.1", port: port)
            let huge = RPCCredential(token: String(repeating: "t", count: RPCCredential.maxLength + 1))
            await #expect { try await RPCCredential.$current.withValue(huge) { _ = try await client.call(TestMethods.credential, Blob("x")) } }
                throws: { ($0 as? RPCError)?.status == .invalidArgument && ($0 as? RPCError)?.requestWasSent == false }
            #expect(server.statistics.requests.count == 0)
            await client.close()
        }
    }

    @Test(arguments: [
        ("no length", [UInt8]()),
        ("a length past the payload", [0x00, 0x10, 0x61]),
        ("a length past the limit", [0xFF, 0xFF] + [UInt8](repeating: 0x61, count: 16)),
    ])
    func aMalformedCredentialIsAnsweredAndTheConnectionStays(_ what: String, _ prefix: [UInt8]) async throws {
        try await withTestServer { _, port in
            let peer = try await RawPeer(port: port)
            _ = try await peer.hello()
            try await peer.send(Frame(.request, requestID: 7, method: TestMethods.credential.id, flags: .credential,
                                      payload: ByteBuffer(bytes: prefix)))
            try await peer.send(Frame(.request, requestID: 8, method: TestMethods.echo.id, payload: Blob("still here").encoded()))
            var frames = peer.frames.makeAsyncIterator()
            let refusal = try #require(await frames.next())
            #expect(refusal.kind == .error && refusal.requestID == 7 && refusal.header.status == .invalidArgument, "\(what)")
            #expect(try ErrorPayload(decoding: refusal.payload).message.contains("credential"))
            let echo = try #require(await frames.next())
            #expect(echo.kind == .response && echo.requestID == 8)
        }
    }
}
