import AnlanWire

/// Asks for a region subtree's storage points or stock lines as CSV, streamed in chunks.
public struct ReserveExportRequest: WireMessage, Hashable, Codable {
    public var kind: ReserveRecordKind  // 1
    /// "" means the node's own region.
    public var regionCode: String       // 2

    public init(kind: ReserveRecordKind = .storagePoints, regionCode: String = "") {
        self.kind = kind
        self.regionCode = regionCode
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: kind = try reader.readEnum(field)
            case 2: regionCode = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, enum: kind)
        writer.write(2, string: regionCode)
    }
}
