import AnlanRecords
import AnlanWire

/// An inspection of a landing point: it sets the point's status (and its last-inspected day when it is
/// the latest).
public struct Inspection: WireMessage, Hashable, Codable {
    /// Set by the node.
    public var sequence: Int64  // 1
    public var pointID: String  // 2
    public var inspectedOn: CivilDay?  // 3
    public var inspector: String  // 4
    public var findings: String  // 5
    /// Required: what the inspection found the point fit for.
    public var resultingStatus: LandingPointStatus?  // 6
    /// Required unless the resulting status is available.
    public var statusReason: String  // 7

    public init(sequence: Int64 = 0, pointID: String = "", inspectedOn: CivilDay? = nil, inspector: String = "",
                findings: String = "", resultingStatus: LandingPointStatus? = nil, statusReason: String = "") {
        self.sequence = sequence
        self.pointID = pointID
        self.inspectedOn = inspectedOn
        self.inspector = inspector
        self.findings = findings
        self.resultingStatus = resultingStatus
        self.statusReason = statusReason
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: sequence = try reader.readInt64(field)
            case 2: pointID = try reader.readString(field)
            case 3: inspectedOn = try reader.readDay(field)
            case 4: inspector = try reader.readString(field)
            case 5: findings = try reader.readString(field)
            case 6: resultingStatus = try reader.readEnum(field)
            case 7: statusReason = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, int: sequence)
        writer.write(2, string: pointID)
        writer.write(3, day: inspectedOn)
        writer.write(4, string: inspector)
        writer.write(5, string: findings)
        if let resultingStatus { writer.write(6, enum: resultingStatus) }
        writer.write(7, string: statusReason)
    }
}
