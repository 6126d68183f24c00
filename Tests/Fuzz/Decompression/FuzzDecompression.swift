import AnlanFuzzSupport
import AnlanWire
import NIOCore

/// One compressor and decompressor for the whole run, as one connection keeps them for its life: a
/// stream that leaves them in a bad state shows in the inputs after it. libFuzzer calls the target from
/// one thread only.
nonisolated(unsafe) let compression = PayloadCompression()

/// libFuzzer entry: inflation of a compressed payload within the default `WireLimits` (absolute size
/// cap and 200:1 ratio, checked before the output is allocated), and the compress → decompress round trip.
///
/// Input: one byte choosing the mode, then the bytes. Even: the bytes are a compressed payload as it
/// arrives (declared size, then a zlib stream) and are inflated; a `WireError` is the expected answer to
/// a bomb or a lie. Odd: the bytes are a payload; if the sender compresses it, the receiver must inflate
/// it back to the same bytes. Either way, whatever inflates is then round-tripped the same way.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecompression(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let mode = input.byte()
    let bytes = ByteBuffer(bytes: input.rest())
    let limits = WireLimits.defaults
    let plain: ByteBuffer
    if mode % 2 == 0 {
        do {
            plain = try compression.decompress(bytes, limits: limits)
        } catch {
            return 0
        }
        precondition(plain.readableBytes <= limits.maxInflatedPayloadSize, "inflated past the size limit")
    } else {
        plain = bytes
    }
    guard let compressed = compression.compress(plain, maxInflationRatio: limits.maxInflationRatio) else { return 0 }
    precondition(compressed.readableBytes < plain.readableBytes, "compressed to no fewer bytes")
    do {
        let inflated = try compression.decompress(compressed, limits: limits)
        precondition(inflated == plain, "compress then decompress changed the payload")
    } catch {
        preconditionFailure("a payload the sender compressed is refused by the receiver: \(error)")
    }
    return 0
}
