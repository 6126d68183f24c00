import AnlanWire

/// What a node tells the registry about one service it runs: which service, for which region, where.
@WireMessage
public struct Registration: Hashable, Codable, Sendable {
    /// Unique per running service instance, e.g. `330106-material-reserve`; re-registering replaces it.
    @Field(1) public var instanceID: String = ""
    /// service kind (see `NodeInfo.service`)
    @Field(2) public var service: String = ""
    /// The region the instance serves: its data covers this region's subtree.
    @Field(3) public var regionCode: String = ""
    /// 1 province, 2 city, 3 county, 4 township.
    @Field(4) public var tier: UInt8 = 0
    /// address other nodes use to reach it
    @Field(5) public var host: String = ""
    @Field(6) public var port: UInt16 = 0
    /// The protocol version the node speaks (1).
    @Field(7) public var protocolVersion: UInt8 = FrameHeader.currentVersion
    @Field(8) public var metadata: [MetadataEntry] = []

    /// `host:port`.
    public var address: String { "\(host):\(port)" }
}
