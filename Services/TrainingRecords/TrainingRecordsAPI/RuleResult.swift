import AnlanRecords
import AnlanWire

/// How one training rule stands for a person.
public struct RuleResult: WireMessage, Hashable, Codable {
    public var ruleID: String  // 1
    public var requiredHours: Double  // 2
    /// Passed hours that count (courses for the person's role, in the rule's window).
    public var attendedHours: Double  // 3
    public var met: Bool  // 4
    public var shortByHours: Double  // 5
    /// The last day hours count for the rule.
    public var windowEndsOn: CivilDay?  // 6
    /// The rule in words, with its source.
    public var requirement: String  // 7

    public init(ruleID: String = "", requiredHours: Double = 0, attendedHours: Double = 0, met: Bool = false,
                shortByHours: Double = 0, windowEndsOn: CivilDay? = nil, requirement: String = "") {
        self.ruleID = ruleID
        self.requiredHours = requiredHours
        self.attendedHours = attendedHours
        self.met = met
        self.shortByHours = shortByHours
        self.windowEndsOn = windowEndsOn
        self.requirement = requirement
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: ruleID = try reader.readString(field)
            case 2: requiredHours = try reader.readDouble(field)
            case 3: attendedHours = try reader.readDouble(field)
            case 4: met = try reader.readBool(field)
            case 5: shortByHours = try reader.readDouble(field)
            case 6: windowEndsOn = try reader.readDay(field)
            case 7: requirement = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: ruleID)
        writer.write(2, double: requiredHours)
        writer.write(3, double: attendedHours)
        if met { writer.write(4, bool: true) }
        writer.write(5, double: shortByHours)
        writer.write(6, day: windowEndsOn)
        writer.write(7, string: requirement)
    }
}
