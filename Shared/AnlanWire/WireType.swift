/// How a field's value is laid out (the low 3 bits of its key). The same numbering as the protobuf wire
/// format, so existing protobuf decoders read Anlan payloads; groups (3, 4) are not allowed.
public enum WireType: UInt8, Sendable {
    /// LEB128 varint: bools, unsigned integers, enums, zigzag-encoded signed integers.
    case varint = 0
    /// 8 bytes, little-endian: doubles.
    case fixed64 = 1
    /// varint byte count, then the bytes: strings (UTF-8), byte strings, nested messages.
    case lengthDelimited = 2
    /// 4 bytes, little-endian.
    case fixed32 = 5
}
