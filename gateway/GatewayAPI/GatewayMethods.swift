import AnlanRecords
import AnlanWire
import AnlanRPC
import AviationLandingAPI
import EmergencyResponseAPI
import EvacuationAPI
import HazardSurveyAPI
import MaterialReserveAPI

/// The gateway's methods (0x06xx).
@WireMethods
public enum GatewayMethods {
    /// A region's merged summary: the node's own, or one below it, routed to the node that owns it.
    /// Fails with `invalidArgument`; a region below a child is passed to that child's gateway (`unavailable` if it cannot be reached and the region is not the child itself).
    public static let summary = RPCMethod<SummaryRequest, RegionSummary>(id: 0x0601, name: "gateway.summary", access: .read)
    /// A region's summary and each child region's, side by side. Fails as `gateway.summary`.
    public static let children = RPCMethod<SummaryRequest, DrillDown>(id: 0x0602, name: "gateway.children", access: .read)
    /// Every county of the node's subtree, from the standing summaries: a county's own, a city's from
    /// its counties' gateways, a province's from each city's `gateway.counties`; the records of the
    /// nodes above in each county are added, refreshed every ten seconds. A township's node has none.
    /// Fails with `invalidArgument` for a region other than the node's own or a year other than this one.
    public static let counties = RPCMethod<SummaryRequest, CountySummaries>(id: 0x0603, name: "gateway.counties", access: .read)

    /// A region's control-power indices (管控力指数) and its children ranked in each (晾晒): live from the
    /// standing summaries, or a published month's (`month`). A month is read at the node that owns the
    /// region (or, for a region without a node, at its parent's).
    /// Fails with `invalidArgument` (unknown region, a month not `YYYY-MM` or not begun) and `notFound`
    /// (the month is not published there).
    public static let index = RPCMethod<IndexRequest, IndexReport>(id: 0x0661, name: "gateway.index", access: .read)
    /// Publishes a month's indices at the node and every node below it (月度发布), each keeping its region's
    /// and its children's; a month already published for a region is kept as it was. A child that cannot
    /// be reached publishes nothing now (publish again later: nothing published is rewritten).
    /// Fails with `invalidArgument` (a month not `YYYY-MM` or not ended).
    public static let publishIndices = RPCMethod<PublishRequest, PublishResult>(id: 0x0662, name: "gateway.index.publish", access: .command)
    /// What stands behind one indicator of a region (指标下钻): each child's figures, and the records counted
    /// (hidden hazards from every node of the subtree, or the training lines short of their targets).
    /// Fails with `invalidArgument` (unknown region or indicator, a limit over 1,000).
    public static let indicatorRecords = RPCMethod<IndicatorRecordsRequest, IndicatorRecords>(id: 0x0663, name: "gateway.index.records", access: .read)
    /// The open hidden hazards of a subtree matching the query (overdue, listed, major…), from the node's
    /// own hazard-survey and every child gateway, at most `limit` (one page), oldest deadline first.
    /// Fails as `hazard.hidden.list`.
    public static let listHidden = RPCMethod<HazardQuery, RecordPage<HiddenHazard>>(id: 0x0671, name: "gateway.hidden.list", access: .read)

    /// A nearest-first dispatch plan across tiers: the destination's node, then its neighbours through
    /// the parent, then further out, as far as the need requires.
    /// Fails with `invalidArgument` (no needs, destination outside the node, bad coordinates or hours).
    public static let plan = RPCMethod<MaterialReserveAPI.PlanRequest, TieredPlan>(id: 0x0611, name: "gateway.plan", access: .read)
    /// Between gateways: plan from a node's subtree.
    public static let planSubtree = RPCMethod<SubtreePlanRequest, TieredPlan>(id: 0x0612, name: "gateway.plan.subtree", access: .read)
    /// Creates and approves the plan's orders in every node it draws on, or none.
    /// Fails with `invalidArgument` (no plan id or lines); node failures are reported in the answer.
    public static let confirm = RPCMethod<ConfirmRequest, ConfirmResult>(id: 0x0613, name: "gateway.confirm", access: .confirm)
    /// Between gateways: an order step passed down to the node that owns the storage points. Fails with the
    /// owning node's material-reserve's own errors; `notProcessed` when that service could not be reached (nothing was sent).
    public static let order = RPCMethod<NodeOrderRequest, DispatchOrder>(id: 0x0614, name: "gateway.order", access: .command)

    /// The nearest usable landing points across node boundaries: this node's area, then its parent's.
    /// Fails with `invalidArgument` (coordinates).
    public static let nearest = RPCMethod<NearestRequest, NearbyPoints>(id: 0x0621, name: "gateway.nearest", access: .read)
    /// Between gateways: the nearest points within the node's subtree only.
    public static let nearestSubtree = RPCMethod<NearestRequest, NearbyPoints>(id: 0x0622, name: "gateway.nearest.subtree", access: .read)

    /// Issues a warning down the tiers: to the node's own evacuation service and to every child gateway
    /// whose region it covers (or covers part of), each passing it on below; a part that cannot be
    /// reached now is kept and redelivered until it takes it. Idempotent: the same id again creates nothing.
    /// Fails with `invalidArgument` (no id or regions, an unknown region, an issuer that is not this node's region or an ancestor of it, regions the issuer does not govern or that lie outside this node's, a lead time outside 3, 6, 24, 48 h).
    public static let issueWarning = RPCMethod<EvacuationAPI.Warning, WarningDelivery>(id: 0x0631, name: "gateway.warning.issue", access: .command)
    /// Lifts a warning wherever this node passed it: its own evacuation service and the child gateways it
    /// was delivered (or queued) to; kept and redelivered like an issue, and after it.
    /// Fails with `invalidArgument` (no id, a lifter that is not this node's region or an ancestor of it); `notFound` when this node never passed the warning on.
    public static let liftWarning = RPCMethod<LiftRequest, WarningDelivery>(id: 0x0632, name: "gateway.warning.lift", access: .command)

    /// Reports an incident to the node that holds its region's incidents: its county's (or, above the
    /// counties, its own region's) — or, where that node has no gateway, the nearest one above it.
    /// Fails as `response.incident.report` at that node; `unavailable`/`notProcessed` when it cannot be reached.
    public static let reportIncident = RPCMethod<Incident, Incident>(id: 0x0641, name: "gateway.incident.report", access: .field)
    /// An incident and its timeline, from the node its id names. Fails with `invalidArgument` (an id not of this node's subtree), `notFound`.
    public static let getIncident = RPCMethod<RecordID, IncidentRecord>(id: 0x0642, name: "gateway.incident.get", access: .read)
    /// 码上报 through the gateways, to the node the id names. Fails as `response.incident.field-report`.
    public static let fieldReport = RPCMethod<FieldReport, Incident>(id: 0x0643, name: "gateway.incident.field-report", access: .field)
    /// A team reached the scene. Fails as `response.incident.arrival`.
    public static let arrival = RPCMethod<ArrivalReport, Incident>(id: 0x0644, name: "gateway.incident.arrival", access: .field)
    /// Fails as `response.incident.respond`.
    public static let respond = RPCMethod<IncidentStep, Incident>(id: 0x0645, name: "gateway.incident.respond", access: .command)
    /// Fails as `response.incident.close`.
    public static let close = RPCMethod<IncidentStep, Incident>(id: 0x0646, name: "gateway.incident.close", access: .command)
    /// The incidents of a region of the node's subtree, newest first: the node's own emergency-response's
    /// and every child gateway's (those whose region overlaps it), asked in parallel within the deadline
    /// and merged by report time; the first `limit` (0: 100) are kept, and there is no next page. A part
    /// that fails or runs out of time is left out.
    /// Fails with `invalidArgument` (a region outside the node's subtree, a limit over 1000).
    public static let listIncidents = RPCMethod<IncidentQuery, RecordPage<Incident>>(id: 0x0647, name: "gateway.incident.list", access: .read)
    /// One dispatch proposal for an incident: matching teams on standby, soonest first — the incident's
    /// own node's, then its neighbours' through the parent, then further out, as far as the need
    /// requires — and the cross-tier material plan, in one answer.
    /// Fails with `invalidArgument` (no incident id, teams over 50, bad hours or needs), `notFound`, `failedPrecondition` (the incident is closed; no team on standby has a usable route to it).
    public static let propose = RPCMethod<ProposalRequest, DispatchProposal>(id: 0x0651, name: "gateway.proposal", access: .read)
    /// Between gateways: the candidate teams of a node's subtree.
    public static let proposeSubtree = RPCMethod<TeamPlanRequest, TeamPlan>(id: 0x0652, name: "gateway.proposal.subtree", access: .read)
    /// Deploys every team of the proposal at its node and confirms its material plan, or undoes all of
    /// it; retrying finds the same deployments and orders and makes none twice.
    /// Fails with `invalidArgument` (no proposal id, nothing to send); node failures are reported in the answer.
    public static let confirmProposal = RPCMethod<ProposalConfirmRequest, ProposalConfirmation>(id: 0x0653, name: "gateway.proposal.confirm", access: .confirm)
    /// A deployment passed down to the node that commands the team. Fails as `response.team.deploy` there.
    public static let deploy = RPCMethod<NodeDeployment, Deployment>(id: 0x0654, name: "gateway.team.deploy", access: .command)
    /// A release (the team is back) or undo, passed down to the node that commands the team. Fails as `response.team.release` there.
    public static let release = RPCMethod<NodeRelease, Deployment>(id: 0x0655, name: "gateway.team.release", access: .command)
}
