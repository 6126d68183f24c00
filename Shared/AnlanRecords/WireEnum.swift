import AnlanWire

/// A closed set of values that travels on the wire as its `UInt8` raw value and in CSV files and JSON
/// as its `name` (e.g. `debris-flow`, `red`). Both forms are listed in docs/PROTOCOL.md.
public protocol WireEnum: RawRepresentable, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible
where RawValue == UInt8 {
    /// The stable token used in CSV files, JSON and the CLI.
    var name: String { get }
    /// What the set is called in error messages, e.g. "hazard type".
    static var kindName: String { get }
}

extension WireEnum {
    /// The value whose `name` (or raw number) is `text`; nil for anything else.
    public init?(name text: some StringProtocol) {
        if let value = Self.allCases.first(where: { $0.name.utf8.elementsEqual(text.utf8) }) {
            self = value
        } else if let raw = UInt8(text), let value = Self(rawValue: raw) {
            self = value
        } else {
            return nil
        }
    }

    /// Parses `text`, or explains which names are allowed.
    public static func parse(_ text: some StringProtocol) throws(InvalidRecord) -> Self {
        guard let value = Self(name: text) else {
            throw InvalidRecord("unknown \(kindName) \"\(text)\" (expected one of: \(allCases.map(\.name).joined(separator: ", ")))")
        }
        return value
    }

    public var description: String { name }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(name: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown \(Self.kindName) \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

extension WireReader {
    /// Reads a `WireEnum`; an unknown value is a malformed payload naming the set.
    public mutating func readEnum<E: WireEnum>(_ field: WireField, as: E.Type = E.self) throws(WireError) -> E {
        let raw: UInt8 = try readUInt(field)
        guard let value = E(rawValue: raw) else {
            throw WireError(.malformedPayload, "unknown \(E.kindName) \(raw)")
        }
        return value
    }

    /// Reads a `CivilDay` written as `YYYY-MM-DD` ("" reads as nil).
    public mutating func readDay(_ field: WireField) throws(WireError) -> CivilDay? {
        let text = try readString(field)
        if text.isEmpty { return nil }
        guard let day = CivilDay(text) else { throw WireError(.malformedPayload, "not a YYYY-MM-DD date: \(text)") }
        return day
    }
}

extension WireWriter {
    public mutating func write(_ number: UInt32, enum value: some WireEnum) {
        write(number, uint: value.rawValue)
    }

    /// Writes a day as `YYYY-MM-DD`; nothing for nil.
    public mutating func write(_ number: UInt32, day: CivilDay?) {
        if let day { write(number, string: day.description) }
    }

    public mutating func write<E: WireEnum>(_ number: UInt32, enums: [E]) {
        for value in enums { write(number, uint: value.rawValue) }
    }
}
