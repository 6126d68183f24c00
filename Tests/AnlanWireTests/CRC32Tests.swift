import CAnlanZlib
import Testing
@testable import AnlanWire

/// The table-driven CRC-32 used for short inputs agrees with zlib's on every length and alignment it
/// handles, and with the standard check value.
@Suite struct CRC32Tests {
    @Test func slicedAgreesWithZlib() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<(CRC32.zlibThreshold + 16)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes.withUnsafeBytes { all in
            for offset in 0..<8 {
                for length in 0...(CRC32.zlibThreshold - offset) {
                    let slice = UnsafeRawBufferPointer(rebasing: all[offset..<(offset + length)])
                    let seed = UInt32(truncatingIfNeeded: length &* 2_654_435_761)
                    let zlib = UInt32(truncatingIfNeeded: CAnlanZlib.crc32(UInt(seed), slice.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                                                          uInt(length)))
                    #expect(CRC32.sliced(seed, slice) == zlib, "length \(length), offset \(offset)")
                }
            }
        }
    }

    @Test func checkValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        // Long enough for zlib, and continued across the two paths.
        let long = Array(repeating: UInt8(ascii: "a"), count: 1000)
        let whole = CRC32.checksum(long)
        let split = long.withUnsafeBytes { CRC32.update(CRC32.update(0, UnsafeRawBufferPointer(rebasing: $0[..<100])),
                                                        UnsafeRawBufferPointer(rebasing: $0[100...])) }
        #expect(whole == split)
    }
}
