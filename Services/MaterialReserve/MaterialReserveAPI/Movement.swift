import AnlanRecords
import AnlanWire

/// One ledger entry: a quantity of one catalogue item, in one condition and with one expiry, moving
/// into or out of one storage point. Stock changes only through movements.
public struct Movement: WireMessage, Hashable, Codable {
    /// Assigned by the node when recorded (1, 2, 3 … per node); 0 in requests.
    public var sequence: Int64            // 1
    public var storagePointID: String     // 2
    public var itemCode: String           // 3
    public var status: StockStatus        // 4
    /// The expiry day of this lot, or none for goods that do not expire.
    public var expiresOn: CivilDay?       // 5
    public var kind: MovementKind         // 6
    /// Units: positive for every kind but `adjust`, which may be negative.
    public var quantity: Int64            // 7
    /// Why (required for `adjust`).
    public var reason: String             // 8
    /// A reference outside the ledger: a delivery note, a dispatch order, the transfer's other side.
    public var reference: String          // 9
    public var actor: String              // 10
    /// When it was recorded, Unix time in milliseconds (set by the node).
    public var recordedAtMilliseconds: Int64  // 11

    public init(sequence: Int64 = 0, storagePointID: String = "", itemCode: String = "", status: StockStatus = .good,
                expiresOn: CivilDay? = nil, kind: MovementKind = .receive, quantity: Int64 = 0, reason: String = "",
                reference: String = "", actor: String = "", recordedAtMilliseconds: Int64 = 0) {
        self.sequence = sequence
        self.storagePointID = storagePointID
        self.itemCode = itemCode
        self.status = status
        self.expiresOn = expiresOn
        self.kind = kind
        self.quantity = quantity
        self.reason = reason
        self.reference = reference
        self.actor = actor
        self.recordedAtMilliseconds = recordedAtMilliseconds
    }

    /// The signed change to the stock line.
    public var delta: Int64 { kind.sign == 0 ? quantity : kind.sign * quantity }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: sequence = try reader.readInt64(field)
            case 2: storagePointID = try reader.readString(field)
            case 3: itemCode = try reader.readString(field)
            case 4: status = try reader.readEnum(field)
            case 5: expiresOn = try reader.readDay(field)
            case 6: kind = try reader.readEnum(field)
            case 7: quantity = try reader.readInt64(field)
            case 8: reason = try reader.readString(field)
            case 9: reference = try reader.readString(field)
            case 10: actor = try reader.readString(field)
            case 11: recordedAtMilliseconds = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, int: sequence)
        writer.write(2, string: storagePointID)
        writer.write(3, string: itemCode)
        writer.write(4, enum: status)
        writer.write(5, day: expiresOn)
        writer.write(6, enum: kind)
        writer.write(7, int: quantity)
        writer.write(8, string: reason)
        writer.write(9, string: reference)
        writer.write(10, string: actor)
        writer.write(11, int: recordedAtMilliseconds)
    }
}
