import AnlanWire

/// Asks which good stock in a region subtree expires within some days (already expired included).
public struct ExpiryRequest: WireMessage, Hashable, Codable {
    public var regionCode: String  // 1 ("" = the node's region)
    /// Days from today (0: the default, 30).
    public var withinDays: UInt32  // 2

    public init(regionCode: String = "", withinDays: UInt32 = 0) {
        self.regionCode = regionCode
        self.withinDays = withinDays
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: withinDays = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, uint: withinDays)
    }
}
