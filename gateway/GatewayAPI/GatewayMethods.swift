import AnlanWire
import AnlanRPC
import AviationLandingAPI
import EvacuationAPI
import MaterialReserveAPI

/// The gateway's methods (0x06xx).
@WireMethods
public enum GatewayMethods {
    /// A region's merged summary: the node's own, or one below it, routed to the node that owns it.
    /// Fails with `invalidArgument`; a region below a child is passed to that child's gateway (`unavailable` if it cannot be reached and the region is not the child itself).
    public static let summary = RPCMethod<SummaryRequest, RegionSummary>(id: 0x0601, name: "gateway.summary")
    /// A region's summary and each child region's, side by side. Fails as `gateway.summary`.
    public static let children = RPCMethod<SummaryRequest, DrillDown>(id: 0x0602, name: "gateway.children")

    /// A nearest-first dispatch plan across tiers: the destination's node, then its neighbours through
    /// the parent, then further out, as far as the need requires.
    /// Fails with `invalidArgument` (no needs, destination outside the node, bad coordinates or hours).
    public static let plan = RPCMethod<MaterialReserveAPI.PlanRequest, TieredPlan>(id: 0x0611, name: "gateway.plan")
    /// Between gateways: plan from a node's subtree.
    public static let planSubtree = RPCMethod<SubtreePlanRequest, TieredPlan>(id: 0x0612, name: "gateway.plan.subtree")
    /// Creates and approves the plan's orders in every node it draws on, or none.
    /// Fails with `invalidArgument` (no plan id or lines); node failures are reported in the answer.
    public static let confirm = RPCMethod<ConfirmRequest, ConfirmResult>(id: 0x0613, name: "gateway.confirm")
    /// Between gateways: an order step passed down to the node that owns the storage points. Fails with the
    /// owning node's material-reserve's own errors; `notProcessed` when that service could not be reached (nothing was sent).
    public static let order = RPCMethod<NodeOrderRequest, DispatchOrder>(id: 0x0614, name: "gateway.order")

    /// The nearest usable landing points across node boundaries: this node's area, then its parent's.
    /// Fails with `invalidArgument` (coordinates).
    public static let nearest = RPCMethod<NearestRequest, NearbyPoints>(id: 0x0621, name: "gateway.nearest")
    /// Between gateways: the nearest points within the node's subtree only.
    public static let nearestSubtree = RPCMethod<NearestRequest, NearbyPoints>(id: 0x0622, name: "gateway.nearest.subtree")

    /// Issues a warning down the tiers: to the node's own evacuation service and to every child gateway
    /// whose region it covers (or covers part of), each passing it on below; a part that cannot be
    /// reached now is kept and redelivered until it takes it. Idempotent: the same id again creates nothing.
    /// Fails with `invalidArgument` (no id or regions, an unknown region, an issuer that is not this node's region or an ancestor of it, regions the issuer does not govern or that lie outside this node's, a lead time outside 3, 6, 24, 48 h).
    public static let issueWarning = RPCMethod<EvacuationAPI.Warning, WarningDelivery>(id: 0x0631, name: "gateway.warning.issue")
    /// Lifts a warning wherever this node passed it: its own evacuation service and the child gateways it
    /// was delivered (or queued) to; kept and redelivered like an issue, and after it.
    /// Fails with `invalidArgument` (no id, a lifter that is not this node's region or an ancestor of it); `notFound` when this node never passed the warning on.
    public static let liftWarning = RPCMethod<LiftRequest, WarningDelivery>(id: 0x0632, name: "gateway.warning.lift")
}
