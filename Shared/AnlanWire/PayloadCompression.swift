import CompressNIO
import NIOCore

/// zlib compression of payloads, with inflation bounded before any work is done.
///
/// A compressed payload is `uncompressed length (u32, big-endian)` followed by a zlib stream (RFC 1950).
/// The declared length is checked against an absolute cap and against `ratio × compressed size` before the
/// output buffer is allocated; the stream is then inflated into exactly that space, so a zip bomb, or a
/// stream that lies about its length, is rejected after at most the declared bytes.
///
/// Not `Sendable`: one instance belongs to one connection and lives on its event loop.
public final class PayloadCompression {
    /// Payloads at least this long are compressed when the peer accepts zlib (default 1 KiB).
    public let threshold: Int
    private let compressor: ZlibCompressor
    private let decompressor: ZlibDecompressor

    public init(threshold: Int = 1024, level: Int32 = 1) {
        self.threshold = threshold
        // Level 1 (fastest): on a LAN or loopback the CPU saved is worth more than the last few bytes.
        self.compressor = try! ZlibCompressor(algorithm: .zlib, configuration: .init(compressionLevel: level))
        self.decompressor = try! ZlibDecompressor(algorithm: .zlib)
    }

    /// The compressed form of `payload`, or nil when compressing would not make it smaller, or would
    /// inflate more than `maxInflationRatio` (the receiver's default cap, counted on the zlib stream
    /// without its 4-byte prefix): a sender never produces what a receiver must refuse. `headroom` zero
    /// bytes come first (room for a frame header to be completed in place).
    public func compress(_ payload: ByteBuffer, headroom: Int = 0, maxInflationRatio: Int = WireLimits.defaults.maxInflationRatio,
                         allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer? {
        var input = payload
        var output = allocator.buffer(capacity: headroom + 4 + compressor.maxSize(from: input))
        output.writeRepeatingByte(0, count: headroom)
        output.writeInteger(UInt32(payload.readableBytes), endianness: .big)
        do {
            try compressor.reset()
            try compressor.deflate(from: &input, to: &output, flush: .finish)
        } catch {
            return nil
        }
        let stream = max(1, output.readableBytes - headroom - 4)
        // payload ≤ stream × ratio, without overflow for a ratio of Int.max (tests making bombs).
        guard stream + 4 < payload.readableBytes, (payload.readableBytes + stream - 1) / stream <= maxInflationRatio else { return nil }
        return output
    }

    /// Inflates a compressed payload within `limits`.
    public func decompress(_ payload: ByteBuffer, limits: WireLimits, requestID: UInt32? = nil,
                           allocator: ByteBufferAllocator = ByteBufferAllocator()) throws(WireError) -> ByteBuffer {
        var input = payload
        guard let declared = input.readInteger(endianness: .big, as: UInt32.self).map(Int.init) else {
            throw WireError(.compressionRejected, "compressed payload is shorter than its 4-byte length", requestID: requestID)
        }
        guard declared <= limits.maxInflatedPayloadSize else {
            throw WireError(.compressionRejected,
                            "declared inflated size \(declared) exceeds the limit of \(limits.maxInflatedPayloadSize)",
                            requestID: requestID)
        }
        guard declared <= max(1, input.readableBytes) * limits.maxInflationRatio else {
            throw WireError(.compressionRejected,
                            "declared inflation ratio \(declared / max(1, input.readableBytes)):1 exceeds \(limits.maxInflationRatio):1",
                            requestID: requestID)
        }
        var output = allocator.buffer(capacity: declared)
        do {
            try decompressor.reset()
            try decompressor.inflate(from: &input, to: &output)
        } catch {
            throw WireError(.compressionRejected, "zlib stream rejected: \(error)", requestID: requestID)
        }
        guard output.readableBytes == declared, input.readableBytes == 0 else {
            throw WireError(.compressionRejected,
                            "zlib stream inflated to \(output.readableBytes) bytes, declared \(declared)", requestID: requestID)
        }
        return output
    }
}
