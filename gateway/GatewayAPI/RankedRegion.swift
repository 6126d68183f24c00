import AnlanWire

/// A child region's place among its siblings in one index (晾晒), and what moved it most since the
/// month before.
@WireMessage
public struct RankedRegion: Hashable, Codable, Sendable {
    @Field(1) public var index: ControlIndex = ControlIndex()
    /// 1 for the best score; regions without a score come last, unranked (0).
    @Field(2) public var rank: UInt32 = 0
    /// The score's change since the previous month's published snapshot; absent without one.
    @Field(3) public var change: Double?
    /// The indicator whose weighted score moved the index most since then; empty without a snapshot.
    @Field(4) public var mostMovedIndicator: String = ""
    @Field(5) public var mostMovedBy: Double = 0

    public init(index: ControlIndex = ControlIndex(), rank: UInt32 = 0, change: Double? = nil, mostMovedIndicator: String = "", mostMovedBy: Double = 0) {
        self.index = index
        self.rank = rank
        self.change = change
        self.mostMovedIndicator = mostMovedIndicator
        self.mostMovedBy = mostMovedBy
    }
}
