import AnlanRecords
import AnlanWire

/// How many people a training rule applies to in a year, and how many meet it.
public struct RuleCount: WireMessage, Hashable, Codable {
    public var ruleID: String  // 1
    public var applicable: Int64  // 2
    public var met: Int64  // 3

    public init(ruleID: String = "", applicable: Int64 = 0, met: Int64 = 0) {
        self.ruleID = ruleID
        self.applicable = applicable
        self.met = met
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: ruleID = try reader.readString(field)
            case 2: applicable = try reader.readInt64(field)
            case 3: met = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: ruleID)
        writer.write(2, int: applicable)
        writer.write(3, int: met)
    }
}
