import AnlanWire

/// Asks a gateway for a region's summary (or its children's).
public struct SummaryRequest: WireMessage, Hashable, Codable {
    /// The region; empty means the gateway's own.
    public var regionCode: String   // 1
    /// The year for training coverage and landing-point targets; 0 means this year.
    public var year: UInt32         // 2
    /// How old an answer the caller accepts, in milliseconds: the gateway may answer from a summary it
    /// composed at most this long ago. Nil: the gateway's `--max-age`; 0: a fan-out for this request.
    public var maxAgeMilliseconds: UInt32?  // 3

    public init(regionCode: String = "", year: UInt32 = 0, maxAgeMilliseconds: UInt32? = nil) {
        self.regionCode = regionCode
        self.year = year
        self.maxAgeMilliseconds = maxAgeMilliseconds
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: year = try reader.readUInt(field)
            case 3: maxAgeMilliseconds = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, uint: year)
        if let maxAgeMilliseconds { writer.write(3, uint: maxAgeMilliseconds) }
    }
}
