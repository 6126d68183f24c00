import AnlanWire

/// Which instances of `service` serve `regionCode`: the region itself or, failing that, its nearest ancestor.
public struct LookupRequest: WireMessage, Hashable {
    public var service: String        // 1
    public var regionCode: String     // 2
    /// Also return suspect instances when healthy ones exist (they are always returned when none is healthy).
    public var includeSuspect: Bool   // 3

    public init(service: String, regionCode: String, includeSuspect: Bool = false) {
        self.service = service
        self.regionCode = regionCode
        self.includeSuspect = includeSuspect
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(service: "", regionCode: "")
        while let field = try reader.nextField() {
            switch field.number {
            case 1: service = try reader.readString(field)
            case 2: regionCode = try reader.readString(field)
            case 3: includeSuspect = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: service)
        writer.write(2, string: regionCode)
        if includeSuspect { writer.write(3, bool: true) }
    }
}
