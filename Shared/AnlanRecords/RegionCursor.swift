/// The position after the last record of a page, for lists ordered by region code then id.
///
/// On the wire it is opaque text (`<region>|<id>`); clients pass back what they were given.
public struct RegionCursor: Sendable, Hashable {
    public var region: String
    public var id: String

    public init(region: String, id: String) {
        self.region = region
        self.id = id
    }

    /// Parses a cursor from a previous page; "" (the first page) gives nil.
    ///
    /// - Throws: `InvalidRecord` for text that no page produced.
    public init?(parsing text: String) throws(InvalidRecord) {
        if text.isEmpty { return nil }
        guard let bar = text.firstIndex(of: "|"), text[..<bar].allSatisfy(\.isNumber) else {
            throw InvalidRecord("cursor \"\(text.prefix(40))\" was not produced by a list; pass nextCursor back unchanged")
        }
        self.init(region: String(text[..<bar]), id: String(text[text.index(after: bar)...]))
    }

    public var text: String { "\(region)|\(id)" }
}
