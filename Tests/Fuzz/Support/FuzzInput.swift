/// The bytes libFuzzer hands a target, read front to back: first the few bytes that choose what to do
/// (a message type, a chunk size), then the rest as the data under test.
///
/// Reading past the end gives zeros, so every input, however short, chooses something: libFuzzer's
/// mutations of the leading bytes then move between choices instead of being thrown away.
public struct FuzzInput {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    /// The `size` bytes at `data`, as `LLVMFuzzerTestOneInput` receives them (valid for that call only).
    public init(_ data: UnsafePointer<UInt8>, _ size: Int) {
        self.bytes = UnsafeBufferPointer(start: data, count: size)
    }

    /// The next byte, or 0 past the end.
    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// The next two bytes as a big-endian number, 0 past the end.
    public mutating func uint16() -> UInt16 {
        UInt16(byte()) << 8 | UInt16(byte())
    }

    /// A choice among `count` alternatives (`count` > 0), from the next two bytes.
    public mutating func choice(of count: Int) -> Int {
        Int(uint16()) % count
    }

    /// The bytes not read yet, copied (the data under test).
    public mutating func rest() -> [UInt8] {
        defer { position = bytes.count }
        return position < bytes.count ? Array(bytes[position...]) : []
    }
}
