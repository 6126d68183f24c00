import AnlanWire

/// A day travels as a `YYYY-MM-DD` string; an empty string in an optional field means "none".
extension CivilDay: WireValue {
    public static var wireSchemaType: WireSchemaType { .scalar("string") }

    public static func readWire(_ field: WireField, from reader: inout WireReader) throws(WireError) -> CivilDay {
        guard let day = try readWireOptional(field, from: &reader) else {
            throw WireError(.malformedPayload, "field \(field.number): a day is required")
        }
        return day
    }

    public static func readWireOptional(_ field: WireField, from reader: inout WireReader) throws(WireError) -> CivilDay? {
        let text = try reader.readString(field)
        if text.isEmpty { return nil }
        guard let day = CivilDay(text) else { throw WireError(.malformedPayload, "not a YYYY-MM-DD date: \(text)") }
        return day
    }

    public func writeWire(_ number: UInt32, to writer: inout WireWriter) { writer.write(number, string: description) }
}
