import AnlanWire
import NIOCore
import Testing

@Suite struct PayloadCompressionTests {
    let compression = PayloadCompression()

    @Test func compressibleTextRoundTrips() throws {
        let text = String(repeating: #"{"region":"330106","item":"2010101","qty":120,"status":"good"},"#, count: 1000)
        let payload = ByteBuffer(string: text)
        let compressed = try #require(compression.compress(payload))
        #expect(compressed.readableBytes < payload.readableBytes / 10)
        #expect(try compression.decompress(compressed, limits: .defaults) == payload)
        // The same instance serves many messages (it is reset between them).
        #expect(try compression.decompress(try #require(compression.compress(payload)), limits: .defaults) == payload)
    }

    @Test func incompressibleDataIsSentAsIs() {
        var rng = SystemRandomNumberGenerator()
        let random = ByteBuffer(bytes: (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) })
        #expect(compression.compress(random) == nil)
    }

    /// A sender never produces what a receiver must refuse: whatever `compress` returns, `decompress`
    /// with the default limits accepts. 50,000 × `z` deflates past 200:1 (a 248-byte stream) and so is
    /// sent as it is; 5,000 × `z` stays under it and is compressed.
    @Test func whatIsCompressedIsWithinTheReceiversRatio() throws {
        for count in [1_024, 5_000, 10_000, 50_000, 200_000, 1_000_000] {
            for text in [String(repeating: "z", count: count), String(repeating: "台风", count: count / 6)] {
                let payload = ByteBuffer(string: text)
                guard let compressed = compression.compress(payload) else { continue }
                #expect(try compression.decompress(compressed, limits: .defaults) == payload, "\(payload.readableBytes) bytes")
            }
        }
        #expect(compression.compress(ByteBuffer(string: String(repeating: "z", count: 50_000))) == nil)
        #expect(compression.compress(ByteBuffer(string: String(repeating: "z", count: 5_000))) != nil)
    }

    /// 16 MiB of zeros compresses to ~70 KiB: a declared size over the absolute cap is refused before inflating.
    @Test func zipBombOverTheAbsoluteCapIsRejected() throws {
        let bomb = try #require(PayloadCompression().compress(ByteBuffer(repeating: 0, count: 16 << 20), maxInflationRatio: .max))
        #expect(bomb.readableBytes < 128 << 10)
        do {
            _ = try compression.decompress(bomb, limits: .defaults)
            Issue.record("a zip bomb was inflated")
        } catch {
            #expect(error.code == .compressionRejected)
            #expect(error.message.contains("exceeds the limit"))
        }
    }

    @Test func zipBombOverTheRatioIsRejected() throws {
        let bomb = try #require(compression.compress(ByteBuffer(repeating: 0, count: 1 << 20), maxInflationRatio: .max))  // ~1000:1
        do {
            _ = try compression.decompress(bomb, limits: WireLimits(maxInflationRatio: 100))
            Issue.record("a 1000:1 payload passed a 100:1 limit")
        } catch {
            #expect(error.message.contains("ratio"))
        }
        #expect(try compression.decompress(bomb, limits: WireLimits(maxInflationRatio: 2000)).readableBytes == 1 << 20)
    }

    /// A stream that declares 1 KiB but inflates to 1 MiB stops at the declared size.
    @Test func streamLyingAboutItsLengthIsRejected() throws {
        var lying = try #require(compression.compress(ByteBuffer(repeating: 7, count: 1 << 20), maxInflationRatio: .max))
        lying.setInteger(UInt32(1024), at: lying.readerIndex)
        #expect(throws: WireError.self) { _ = try compression.decompress(lying, limits: .defaults) }
        var short = try #require(compression.compress(ByteBuffer(repeating: 7, count: 4096)))
        short.setInteger(UInt32(8192), at: short.readerIndex)
        #expect(throws: WireError.self) { _ = try compression.decompress(short, limits: .defaults) }
    }

    @Test func corruptStreamIsRejected() throws {
        var corrupt = try #require(compression.compress(ByteBuffer(string: String(repeating: "typhoon ", count: 500))))
        corrupt.setInteger(UInt8(0xFF), at: corrupt.readerIndex + 6)
        corrupt.setInteger(UInt8(0xFF), at: corrupt.readerIndex + 7)
        #expect(throws: WireError.self) { _ = try compression.decompress(corrupt, limits: .defaults) }
        #expect(throws: WireError.self) { _ = try compression.decompress(ByteBuffer(bytes: [0, 0]), limits: .defaults) }
    }
}
