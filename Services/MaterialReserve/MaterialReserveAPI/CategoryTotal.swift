import AnlanRecords
import AnlanWire

/// Units held in one catalogue category (a level-1 or level-2 code: 1 or 3 digits), by condition.
public struct CategoryTotal: WireMessage, Hashable, Codable {
    public var code: String    // 1
    public var good: Int64     // 2
    public var damaged: Int64  // 3
    public var expired: Int64  // 4

    public init(code: String = "", good: Int64 = 0, damaged: Int64 = 0, expired: Int64 = 0) {
        self.code = code
        self.good = good
        self.damaged = damaged
        self.expired = expired
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: code = try reader.readString(field)
            case 2: good = try reader.readInt64(field)
            case 3: damaged = try reader.readInt64(field)
            case 4: expired = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: code)
        writer.write(2, int: good)
        writer.write(3, int: damaged)
        writer.write(4, int: expired)
    }

    /// Adds `other`'s units (same code) to these.
    public mutating func add(_ other: CategoryTotal) {
        good.addSaturating(other.good)
        damaged.addSaturating(other.damaged)
        expired.addSaturating(other.expired)
    }
}
