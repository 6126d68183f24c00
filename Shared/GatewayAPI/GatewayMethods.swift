import AnlanRPC

/// The gateway's methods (0x06xx).
public enum GatewayMethods {
    /// A region's merged summary: the node's own, or one below it, routed to the node that owns it.
    public static let summary = RPCMethod<SummaryRequest, RegionSummary>(id: 0x0601, name: "gateway.summary")
    /// A region's summary and each child region's, side by side.
    public static let children = RPCMethod<SummaryRequest, DrillDown>(id: 0x0602, name: "gateway.children")
}
