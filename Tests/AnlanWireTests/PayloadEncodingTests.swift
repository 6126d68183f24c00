import AnlanWire
import NIOCore
import Testing

@Suite struct PayloadEncodingTests {
    @Test(arguments: [UInt64(0), 1, 127, 128, 300, 16_383, 16_384, UInt64(UInt32.max), UInt64.max])
    func unsignedVarintsRoundTrip(value: UInt64) throws {
        let decoded = try Sample(decoding: Sample(count: value).encoded())
        #expect(decoded.count == value)
    }

    @Test(arguments: [Int64(0), -1, 1, -2, 63, -64, 64, Int64.max, Int64.min])
    func signedIntegersRoundTripZigzag(value: Int64) throws {
        #expect(try Sample(decoding: Sample(delta: value).encoded()).delta == value)
    }

    @Test func zigzagBytesMatchTheDocument() {
        // −1 → 1, −2 → 3, 1 → 2: field 3, varint.
        #expect(hex(Sample(delta: -1).encoded()) == "1801")
        #expect(hex(Sample(delta: -2).encoded()) == "1803")
        #expect(hex(Sample(delta: 1).encoded()) == "1802")
    }

    @Test func everyTypeRoundTrips() throws {
        let sample = Sample(text: "台风 · typhoon", count: 1_359, delta: -90, ratio: -0.25, flag: true,
                            inner: .init(name: String(repeating: "长", count: 200)), tags: ["a", "", "省市县乡"])
        #expect(try Sample(decoding: sample.encoded()) == sample)
    }

    @Test func nestedMessageLengthPrefixWidensPastOneByte() throws {
        // A 600-byte nested body needs a 2-byte length varint: the writer must shift the body.
        let sample = Sample(count: 1, inner: .init(name: String(repeating: "x", count: 600)), tags: ["after"])
        let bytes = sample.encoded()
        #expect(try Sample(decoding: bytes) == sample)
        // count (2) + inner: key 1, length 2, body (key 1, length 2, 600) + tag (key 1, length 1, 5).
        #expect(bytes.readableBytes == 2 + (1 + 2 + (1 + 2 + 600)) + 7)
    }

    @Test func unknownFieldsOfEveryWireTypeAreSkipped() throws {
        var writer = WireWriter()
        writer.write(99, uint: 12345)
        writer.write(1, string: "kept")
        writer.write(100, double: 3.0)
        writer.write(101, string: "from a newer peer")
        writer.write(102, message: Sample.golden)
        writer.buffer.writeBytes([0xB5, 0x06, 1, 2, 3, 4])  // field 102, fixed32
        writer.write(2, uint: 7)
        let decoded = try Sample(decoding: writer.buffer)
        #expect(decoded.text == "kept")
        #expect(decoded.count == 7)
    }

    @Test func wrongWireTypeIsRejected() {
        var writer = WireWriter()
        writer.write(1, uint: 5)  // field 1 should be a string
        #expect(throws: WireError.self) { _ = try Sample(decoding: writer.buffer) }
    }

    @Test func groupWireTypesAreRejected() {
        #expect(throws: WireError.self) { _ = try Sample(decoding: ByteBuffer(bytes: [0x0B])) }  // field 1, type 3
    }

    @Test func truncatedInputsAreRejected() {
        let whole = Sample.golden.encoded()
        for cut in 1..<whole.readableBytes {
            let prefix = whole.getSlice(at: 0, length: cut)!
            // Every strict prefix either decodes to fewer fields or throws; it never crashes or over-reads.
            if let decoded = try? Sample(decoding: prefix) {
                #expect(decoded != Sample.golden)
            }
        }
        #expect(throws: WireError.self) { _ = try Sample(decoding: ByteBuffer(bytes: [0x0A, 0x05, 0x61])) }
        #expect(throws: WireError.self) { _ = try Sample(decoding: ByteBuffer(bytes: [0x10, 0x80, 0x80])) }
    }

    @Test func overlongVarintIsRejected() {
        let bytes: [UInt8] = [0x10] + Array(repeating: 0xFF, count: 10) + [0x01]
        #expect(throws: WireError.self) { _ = try Sample(decoding: ByteBuffer(bytes: bytes)) }
    }

    @Test func invalidUTF8IsRejected() {
        #expect(throws: WireError.self) { _ = try Sample(decoding: ByteBuffer(bytes: [0x0A, 0x02, 0xC3, 0x28])) }
    }

    @Test func fieldZeroIsRejected() {
        #expect(throws: WireError.self) { _ = try Sample(decoding: ByteBuffer(bytes: [0x00, 0x01])) }
    }

    @Test func nestingDepthIsLimited() throws {
        let limits = WireLimits(maxDepth: 8)
        #expect(try Nest(decoding: Nest(depth: 8).encoded(), limits: limits).depth == 8)
        #expect(throws: WireError.self) { _ = try Nest(decoding: Nest(depth: 9).encoded(), limits: limits) }
    }

    @Test func fieldCountIsLimitedAcrossNestingLevels() throws {
        let sample = Sample(tags: Array(repeating: "t", count: 100))
        #expect(try Sample(decoding: sample.encoded(), limits: WireLimits(maxFieldCount: 100)).tags.count == 100)
        #expect(throws: WireError.self) {
            _ = try Sample(decoding: sample.encoded(), limits: WireLimits(maxFieldCount: 99))
        }
        let nested = Sample(inner: .init(name: "n"), tags: ["a"])  // 3 fields: inner, inner.name, tag
        #expect(throws: WireError.self) { _ = try Sample(decoding: nested.encoded(), limits: WireLimits(maxFieldCount: 2)) }
    }

    @Test func helloNegotiatesTheCommonVersion() {
        var a = Hello(); a.minVersion = 1; a.maxVersion = 3
        var b = Hello(); b.minVersion = 2; b.maxVersion = 5
        #expect(a.agreedVersion(with: b) == 3)
        var c = Hello(); c.minVersion = 4; c.maxVersion = 4
        #expect(a.agreedVersion(with: c) == nil)
    }
}
