import AnlanWire

/// What `node.info` says about a running node.
@WireMessage
public struct NodeInfo: Hashable, Codable, Sendable {
    /// Service kind: `registry`, `hazard-survey`, `material-reserve`, `aviation-landing-points`, `training-records`, `gateway`.
    @Field(1) public var service: String = ""
    /// The node's id (default `<region>-<service>`).
    @Field(2) public var nodeID: String = ""
    /// The region it serves (6 digits; 12 for a township).
    @Field(3) public var regionCode: String = ""
    /// E.g. `浙江省`.
    @Field(4) public var regionName: String = ""
    /// 1 province, 2 city, 3 county, 4 township.
    @Field(5) public var tier: UInt8 = 0
    /// E.g. `0.1.0`.
    @Field(6) public var softwareVersion: String = ""
    @Field(7) public var protocolVersion: UInt8 = FrameHeader.currentVersion
    /// Milliseconds since start.
    @Field(8) public var uptimeMilliseconds: UInt64 = 0
    /// REQUESTs started since start.
    @Field(9) public var requestsServed: UInt64 = 0
    /// Connections open now.
    @Field(10) public var openConnections: UInt64 = 0
    /// Service-specific counts.
    @Field(11) public var counts: [NodeCount] = []
    /// How the node's connections are secured: `mutual TLS as anlan://330106/hazard-survey`, or
    /// `plaintext (insecure)`.
    @Field(12, .omitDefault) public var transport: String = ""
}
