import AnlanRecords
import AnlanWire

/// 隐患: a hidden hazard found in an inspection, driven through the closed loop to closure (销号).
public struct HiddenHazard: WireMessage, Hashable, Codable {
    public var id: String                       // 1
    /// Where it is; defaults to the enterprise's region when an enterprise is named.
    public var regionCode: String               // 2
    /// The enterprise it was found in, if any ("" for a public place).
    public var enterpriseID: String             // 3
    /// A place description when there is no enterprise, or detail within it.
    public var location: String                 // 4
    public var description: String              // 5
    /// Free-text category, e.g. 消防设施, 用电安全, 危化品储存.
    public var category: String                 // 6
    /// 重大隐患 (major) or 一般隐患 (general).
    public var major: Bool                      // 7
    public var discoveredOn: CivilDay?          // 8 (required on create)
    public var discoveredBy: String             // 9
    /// The tier supervising it (1 province, 2 city, 3 county, 4 township); it sets the deadline.
    public var supervisingTier: UInt8           // 10
    /// Derived by the node: discovery (or escalation) day + the supervising tier's period.
    public var deadline: CivilDay?              // 11
    /// 挂牌督办: publicly listed for supervision.
    public var listed: Bool                     // 12
    public var state: HiddenHazardState         // 13 (answers only; change it with a transition)
    public var closedOn: CivilDay?              // 14
    /// Derived when answering: open and past its deadline.
    public var overdue: Bool                    // 15
    /// Every transition, oldest first (in `get` answers).
    public var history: [HiddenHazardEvent]     // 16 (repeated)

    public init(id: String = "", regionCode: String = "", enterpriseID: String = "", location: String = "",
                description: String = "", category: String = "", major: Bool = false, discoveredOn: CivilDay? = nil,
                discoveredBy: String = "", supervisingTier: UInt8 = 0, deadline: CivilDay? = nil, listed: Bool = false,
                state: HiddenHazardState = .discovered, closedOn: CivilDay? = nil, overdue: Bool = false,
                history: [HiddenHazardEvent] = []) {
        self.id = id
        self.regionCode = regionCode
        self.enterpriseID = enterpriseID
        self.location = location
        self.description = description
        self.category = category
        self.major = major
        self.discoveredOn = discoveredOn
        self.discoveredBy = discoveredBy
        self.supervisingTier = supervisingTier
        self.deadline = deadline
        self.listed = listed
        self.state = state
        self.closedOn = closedOn
        self.overdue = overdue
        self.history = history
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            case 2: regionCode = try reader.readString(field)
            case 3: enterpriseID = try reader.readString(field)
            case 4: location = try reader.readString(field)
            case 5: description = try reader.readString(field)
            case 6: category = try reader.readString(field)
            case 7: major = try reader.readBool(field)
            case 8: discoveredOn = try reader.readDay(field)
            case 9: discoveredBy = try reader.readString(field)
            case 10: supervisingTier = try reader.readUInt(field)
            case 11: deadline = try reader.readDay(field)
            case 12: listed = try reader.readBool(field)
            case 13: state = try reader.readEnum(field)
            case 14: closedOn = try reader.readDay(field)
            case 15: overdue = try reader.readBool(field)
            case 16: history.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: id)
        writer.write(2, string: regionCode)
        writer.write(3, string: enterpriseID)
        writer.write(4, string: location)
        writer.write(5, string: description)
        writer.write(6, string: category)
        writer.write(7, bool: major)
        writer.write(8, day: discoveredOn)
        writer.write(9, string: discoveredBy)
        writer.write(10, uint: supervisingTier)
        writer.write(11, day: deadline)
        writer.write(12, bool: listed)
        writer.write(13, enum: state)
        writer.write(14, day: closedOn)
        writer.write(15, bool: overdue)
        writer.write(16, messages: history)
    }
}
