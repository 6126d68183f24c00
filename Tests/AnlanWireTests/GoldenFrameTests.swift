import AnlanWire
import Foundation
import NIOCore
import Testing

/// The golden frames of docs/PROTOCOL.md, written by scripts/make-golden-frames.py from the document alone.
@Suite struct GoldenFrameTests {
    static func fixture(_ name: String) throws -> ByteBuffer {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "hex", subdirectory: "Fixtures"))
        return hexBuffer(try String(contentsOf: url, encoding: .utf8))
    }

    static func decodeOne(_ bytes: ByteBuffer) throws -> Frame {
        var buffer = bytes
        var decoder = FrameDecoder()
        let frame = try #require(try decoder.decode(buffer: &buffer))
        #expect(buffer.readableBytes == 0)
        return frame
    }

    /// Frames the Swift encoder must reproduce byte for byte.
    static let plain: [(String, Frame)] = [
        ("request", Frame(.request, requestID: 7, method: 0x0001, deadlineBudgetMilliseconds: 1500,
                          payload: Sample.golden.encoded())),
        ("response", Frame(.response, requestID: 7, payload: Sample.golden.encoded())),
        ("error", Frame(.error, requestID: 7, status: .notFound,
                        payload: ErrorPayload(message: "unknown region code \"330199\"").encoded())),
        ("ping", Frame(.ping, requestID: 9, payload: ByteBuffer(bytes: Array(1...8)))),
        ("cancel", Frame(.cancel, requestID: 7)),
        ("goaway", Frame(.goAway, payload: GoAway(lastRequestID: 42, reason: "shutting down").encoded())),
    ]

    @Test(arguments: plain.map(\.0))
    func swiftEncoderReproducesGoldenBytes(name: String) throws {
        let frame = try #require(Self.plain.first { $0.0 == name }?.1)
        let encoded = try FrameEncoder.encode(frame)
        #expect(hex(encoded) == hex(try Self.fixture(name)))
    }

    /// A frame built in place (payload after a reserved header) is byte for byte the golden one.
    @Test func framesCompletedInPlaceMatchTheGoldenBytes() throws {
        var framed = Sample.golden.encodedFrame()
        try FrameEncoder.completeFrame(&framed, header: FrameHeader(kind: .request, method: 0x0001, requestID: 7,
                                                                   deadlineBudgetMilliseconds: 1500),
                                       maxFrameSize: WireLimits.defaults.maxFrameSize)
        #expect(hex(framed) == hex(try Self.fixture("request")))
        let viaOutgoing = try #require(FrameEncoder.outgoing(
            .response, requestID: 7, Sample.golden.encodedFrame(), maxFrameSize: 4 << 20,
            compression: PayloadCompression(), allocator: ByteBufferAllocator()))
        #expect(hex(viaOutgoing) == hex(try Self.fixture("response")))  // below the threshold: not compressed
    }

    @Test func outgoingCompressesLargePayloadsAndRefusesOversizedOnes() throws {
        let big = Sample(text: String(repeating: "台风 typhoon ", count: 500))
        let frame = try #require(FrameEncoder.outgoing(
            .response, requestID: 3, big.encodedFrame(), maxFrameSize: 4 << 20,
            compression: PayloadCompression(), allocator: ByteBufferAllocator()))
        var bytes = frame
        var decoder = FrameDecoder()
        let decoded = try #require(try decoder.decode(buffer: &bytes))
        #expect(decoded.header.flags == .compressed)
        let inflated = try PayloadCompression().decompress(decoded.payload, limits: .defaults)
        #expect(try Sample(decoding: inflated) == big)
        #expect(FrameEncoder.outgoing(.response, requestID: 3, big.encodedFrame(), maxFrameSize: 1024,
                                      compression: PayloadCompression(), allocator: ByteBufferAllocator()) == nil)
    }

    @Test func helloGoldenFrameDecodes() throws {
        let frame = try Self.decodeOne(try Self.fixture("hello"))
        #expect(frame.kind == .hello)
        let hello = try Hello(decoding: frame.payload)
        #expect(hello.maxFrameSize == 4 * 1024 * 1024)
        #expect(hello.compression == [.zlib])
        #expect(hello.nodeID == "probe-1")
        #expect(hello.tier == 1)
        #expect(hello.regionCode == "330000")
        #expect(hello.service == "probe")
        var mine = Hello()
        mine.nodeID = "probe-1"; mine.tier = 1; mine.regionCode = "330000"; mine.service = "probe"
        #expect(hex(try FrameEncoder.encode(Frame(.hello, payload: mine.encoded()))) == hex(try Self.fixture("hello")))
    }

    @Test func requestGoldenFrameDecodesToTheSample() throws {
        let frame = try Self.decodeOne(try Self.fixture("request"))
        #expect(frame.kind == .request)
        #expect(frame.requestID == 7)
        #expect(frame.header.method == 1)
        #expect(frame.header.deadlineBudgetMilliseconds == 1500)
        #expect(try Sample(decoding: frame.payload) == Sample.golden)
    }

    @Test func compressedGoldenFrameInflates() throws {
        let frame = try Self.decodeOne(try Self.fixture("compressed"))
        #expect(frame.header.flags == .compressed)
        let payload = try PayloadCompression().decompress(frame.payload, limits: .defaults)
        #expect(payload.readableBytes == 2000)
        #expect(payload.getString(at: payload.readerIndex, length: 12) == "anlan anlan ")
        #expect(payload.getString(at: payload.readerIndex + 1998, length: 2) == "ok")
    }
}
