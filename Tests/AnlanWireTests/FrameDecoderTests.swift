import AnlanWire
import NIOCore
import NIOTestUtils
import Testing

@Suite struct FrameDecoderTests {
    static func frames() throws -> [Frame] {
        [
            Frame(.hello, payload: Hello().encoded()),
            Frame(.request, requestID: 1, method: 3, deadlineBudgetMilliseconds: 250, payload: Sample.golden.encoded()),
            Frame(.response, requestID: 1, payload: ByteBuffer(repeating: 0x61, count: 3_000)),
            Frame(.cancel, requestID: 2),
            Frame(.error, requestID: 3, status: .deadlineExceeded, payload: ErrorPayload(message: "late").encoded()),
        ]
    }

    /// NIO's verifier feeds the bytes one at a time, all at once, and in random batches.
    @Test func decodesByteByByteAndInBatches() throws {
        let frames = try Self.frames()
        let pairs = try frames.map { (try FrameEncoder.encode($0), [$0]) }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) { FrameDecoder() }
    }

    @Test func decodesManyFramesFromOneBuffer() throws {
        var all = ByteBuffer()
        let frames = try Self.frames()
        for frame in frames { try FrameEncoder.encode(frame, into: &all, maxFrameSize: 4 << 20) }
        var decoder = FrameDecoder()
        var decoded: [Frame] = []
        while let frame = try decoder.decode(buffer: &all) { decoded.append(frame) }
        #expect(decoded == frames)
    }

    private func decodeError(_ bytes: ByteBuffer, maxFrameSize: Int = 4 << 20) -> WireError? {
        var buffer = bytes
        var decoder = FrameDecoder(maxFrameSize: maxFrameSize)
        do {
            _ = try decoder.decodeLast(buffer: &buffer, seenEOF: true)
            return nil
        } catch let error as WireError {
            return error
        } catch {
            return nil
        }
    }

    @Test func badMagicIsRejectedOnItsFirstByte() {
        var bytes = ByteBuffer(bytes: [0, 0, 0, 20, 0x47])  // "G" of "GET / HTTP/1.1"
        var decoder = FrameDecoder()
        #expect(throws: WireError.self) { _ = try decoder.decode(buffer: &bytes) }
        let error = decodeError(ByteBuffer(string: "GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
        #expect(error?.code == .badMagic)
        #expect(error?.status == .protocolError)
    }

    @Test func unsupportedVersionIsRejected() throws {
        var bytes = try FrameEncoder.encode(Frame(.ping, requestID: 1))
        bytes.setInteger(UInt8(2), at: 6)
        #expect(decodeError(bytes)?.code == .unsupportedVersion)
    }

    @Test func badChecksumIsRejected() throws {
        var bytes = try FrameEncoder.encode(Frame(.request, requestID: 5, payload: Sample.golden.encoded()))
        let last = bytes.writerIndex - 1
        bytes.setInteger(bytes.getInteger(at: last, as: UInt8.self)! ^ 0x01, at: last)
        let error = decodeError(bytes)
        #expect(error?.code == .checksumMismatch)
        #expect(error?.requestID == 5)
    }

    @Test func oversizeLengthIsRejectedBeforeTheBodyArrives() {
        // Only the 24-byte header of a frame claiming 100 MiB: rejected without waiting or allocating.
        var header = ByteBuffer()
        header.writeMultipleIntegers(UInt32(100 << 20), FrameHeader.magic, UInt8(1), UInt8(2), UInt8(0), UInt8(0),
                                     UInt16(1), UInt32(11), UInt32(0), UInt32(0))
        var decoder = FrameDecoder()
        do {
            _ = try decoder.decode(buffer: &header)
            Issue.record("an oversize frame was accepted")
        } catch let error as WireError {
            #expect(error.code == .frameTooLarge)
            #expect(error.requestID == nil, "the ERROR carries id 0 whatever arrived: the connection is closed")
            #expect(error.status == .resourceExhausted)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func configuredFrameLimitApplies() throws {
        let bytes = try FrameEncoder.encode(Frame(.response, requestID: 1, payload: ByteBuffer(repeating: 0, count: 2000)))
        #expect(decodeError(bytes, maxFrameSize: 1024)?.code == .frameTooLarge)
        #expect(decodeError(bytes, maxFrameSize: 4096) == nil)
    }

    @Test func lengthShorterThanTheHeaderIsRejected() {
        var bytes = ByteBuffer()
        bytes.writeMultipleIntegers(UInt32(3), FrameHeader.magic, UInt8(1))
        #expect(decodeError(bytes)?.code == .frameTooShort)
    }

    @Test func truncatedFrameAtEndOfStreamIsAnError() throws {
        var bytes = try FrameEncoder.encode(Frame(.request, requestID: 1, payload: Sample.golden.encoded()))
        bytes.moveWriterIndex(to: bytes.writerIndex - 3)
        #expect(decodeError(bytes)?.code == .truncated)
    }

    @Test func unknownFrameKindIsPassedUpNotRejected() throws {
        let bytes = try FrameEncoder.encode(Frame(FrameKind(rawValue: 0x42), requestID: 3))
        var buffer = bytes
        var decoder = FrameDecoder()
        let frame = try #require(try decoder.decode(buffer: &buffer))
        #expect(frame.kind.rawValue == 0x42)
        #expect(!frame.kind.isKnown)
    }

    @Test func encoderRefusesFramesOverTheLimit() {
        #expect(throws: WireError.self) {
            _ = try FrameEncoder.encode(Frame(.response, payload: ByteBuffer(repeating: 0, count: 5000)), maxFrameSize: 4096)
        }
    }
}
