import AnlanRecords
import AnlanWire

/// People of a role (and level) trained against the target: numerator, denominator and target, never
/// a bare rate.
public struct CoverageLine: WireMessage, Hashable, Codable {
    public var role: PersonRole  // 1
    /// The village-level line (information officers have their own target there).
    public var village: Bool  // 2
    public var trained: Int64  // 3
    public var people: Int64  // 4
    public var targetPercent: Double  // 5
    /// trained ≥ target × people (no people: met).
    public var met: Bool  // 6
    /// What counts as trained for the role.
    public var counts: String  // 7

    public init(role: PersonRole = .employee, village: Bool = false, trained: Int64 = 0, people: Int64 = 0,
                targetPercent: Double = 0, met: Bool = false, counts: String = "") {
        self.role = role
        self.village = village
        self.trained = trained
        self.people = people
        self.targetPercent = targetPercent
        self.met = met
        self.counts = counts
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: role = try reader.readEnum(field)
            case 2: village = try reader.readBool(field)
            case 3: trained = try reader.readInt64(field)
            case 4: people = try reader.readInt64(field)
            case 5: targetPercent = try reader.readDouble(field)
            case 6: met = try reader.readBool(field)
            case 7: counts = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, enum: role)
        if village { writer.write(2, bool: true) }
        writer.write(3, int: trained)
        writer.write(4, int: people)
        writer.write(5, double: targetPercent)
        if met { writer.write(6, bool: true) }
        writer.write(7, string: counts)
    }

    /// trained ÷ people, or nil with nobody to train.
    public var rate: Double? { people == 0 ? nil : Double(trained) / Double(people) }
}
