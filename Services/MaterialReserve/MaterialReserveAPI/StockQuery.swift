import AnlanWire

/// Asks for the units held in a region subtree, optionally of one catalogue category.
public struct StockQuery: WireMessage, Hashable, Codable {
    /// "" means the node's own region.
    public var regionCode: String  // 1
    /// A catalogue code prefix of 1, 3, 5 or 7 digits ("" for everything).
    public var itemPrefix: String  // 2

    public init(regionCode: String = "", itemPrefix: String = "") {
        self.regionCode = regionCode
        self.itemPrefix = itemPrefix
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: itemPrefix = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, string: itemPrefix)
    }
}
