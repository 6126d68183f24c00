import AnlanWire

/// A closed set of values that travels on the wire as its `UInt8` raw value and in CSV files and JSON
/// as its `name` (e.g. `debris-flow`, `red`). Both forms are listed in docs/PROTOCOL.md.
public protocol WireEnum: WireEnumeration, Hashable, Codable, CustomStringConvertible {
    /// The stable token used in CSV files, JSON and the CLI.
    var name: String { get }
}

extension WireEnum {
    /// The schema names a case as CSV files and JSON do.
    public var wireCaseName: String { name }

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
