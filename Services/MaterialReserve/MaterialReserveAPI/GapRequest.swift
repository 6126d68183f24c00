import AnlanWire

/// Asks for the reserve gap report of a region and its children.
public struct GapRequest: WireMessage, Hashable, Codable {
    /// "" means the node's own region.
    public var regionCode: String  // 1
    /// A catalogue code prefix of 1, 3, 5 or 7 digits ("" for every item with a norm).
    public var itemPrefix: String  // 2
    /// List only the children with a shortfall somewhere in their subtree.
    public var shortOnly: Bool     // 3

    public init(regionCode: String = "", itemPrefix: String = "", shortOnly: Bool = false) {
        self.regionCode = regionCode
        self.itemPrefix = itemPrefix
        self.shortOnly = shortOnly
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: itemPrefix = try reader.readString(field)
            case 3: shortOnly = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, string: itemPrefix)
        if shortOnly { writer.write(3, bool: true) }
    }
}
