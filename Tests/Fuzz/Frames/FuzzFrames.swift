import AnlanFuzzSupport
import AnlanWire
import NIOCore

/// libFuzzer entry: a byte stream through the frame decoder exactly as a connection reads it.
///
/// Input: one byte choosing the size of the reads the bytes arrive in (0: all at once; n: n bytes at a
/// time), then the stream. The bytes go through `NIOSingleStepByteToMessageProcessor(FrameDecoder())`
/// with the default `WireLimits` — what `ServerConnectionHandler` and `ClientConnectionHandler` do —
/// and the stream then ends (EOF). Any `WireError` is an expected answer to bad bytes; a crash, a
/// sanitizer report or a broken invariant is a bug. Invariant: the frames delivered, encoded again by
/// `FrameEncoder`, are exactly the bytes they were decoded from, in order and from the first byte.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrames(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let readSize = Int(input.byte())
    let stream = input.rest()
    let limits = WireLimits.defaults
    var processor = NIOSingleStepByteToMessageProcessor(FrameDecoder(maxFrameSize: limits.maxFrameSize))
    var reencoded = ByteBuffer()
    let deliver: (Frame) throws -> Void = { frame in
        try FrameEncoder.encode(frame, into: &reencoded, maxFrameSize: limits.maxFrameSize)
    }
    do {
        var offset = 0
        repeat {
            let end = readSize == 0 ? stream.count : min(stream.count, offset + readSize)
            try processor.process(buffer: ByteBuffer(bytes: stream[offset..<end]), deliver)
            offset = end
        } while offset < stream.count
        try processor.finishProcessing(seenEOF: true, deliver)
    } catch is WireError {
        // Bad bytes, rejected: the connection would answer with an ERROR and close.
    } catch {
        preconditionFailure("the frame decoder threw something other than a WireError: \(error)")
    }
    precondition(reencoded.readableBytesView.elementsEqual(stream.prefix(reencoded.readableBytes)),
                 "a delivered frame does not encode back to the bytes it was decoded from")
    return 0
}
