import AnlanRecords
import AnlanWire

/// One ledger entry: a quantity of one catalogue item, in one condition and with one expiry, moving
/// into or out of one storage point. Stock changes only through movements.
@WireMessage
public struct Movement: Hashable, Codable, Sendable {
    /// Assigned by the node when recorded (1, 2, 3 … per node); 0 in requests.
    @Field(1) public var sequence: Int64 = 0
    @Field(2) public var storagePointID: String = ""
    @Field(3) public var itemCode: String = ""
    @Field(4) public var status: StockStatus = .good
    /// The expiry day of this lot, or none for goods that do not expire.
    @Field(5) public var expiresOn: CivilDay?
    @Field(6) public var kind: MovementKind = .receive
    /// Units: positive for every kind but `adjust`, which may be negative.
    @Field(7) public var quantity: Int64 = 0
    /// Why (required for `adjust`).
    @Field(8) public var reason: String = ""
    /// A reference outside the ledger: a delivery note, a dispatch order, the transfer's other side.
    @Field(9) public var reference: String = ""
    @Field(10) public var actor: String = ""
    /// When it was recorded, Unix time in milliseconds (set by the node).
    @Field(11) public var recordedAtMilliseconds: Int64 = 0

    /// The signed change to the stock line.
    public var delta: Int64 { kind.sign == 0 ? quantity : kind.sign * quantity }
}
