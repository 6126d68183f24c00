/// What a field holds, in the exported proto3 schema's terms.
public enum WireSchemaType: Sendable {
    /// A proto3 scalar: `string`, `bool`, `double`, `sint64`, `uint32`, `uint64`, `bytes`.
    case scalar(String)
    /// A nested message.
    case message(any WireMessage.Type)
    /// An enumeration, sent as its `UInt8` number.
    case enumeration(any WireEnumeration.Type)
}
