import AnlanNode
import AnlanRPC
import GatewayAPI
import ServiceLifecycle

/// The gateway as a node: its methods on the shared server skeleton, the directory refresher (which
/// also redelivers the warnings the node still owes), the monthly publication of the indices and, when it
/// has one, its HTTP port.
public struct GatewayNode: NodeService {
    public static let kind = "gateway"
    public let gateway: Gateway
    /// How often the registry is asked where the services and child gateways are.
    public let refreshInterval: Duration
    /// How often the node checks whether the month that ended is due to be published (nil: never).
    public let publishCheck: Duration?
    /// More work that starts and stops with the node (the HTTP port: the screen and its API).
    public let services: [any Service]

    public init(gateway: Gateway, refreshInterval: Duration = .seconds(2), publishCheck: Duration? = .seconds(600), services: [any Service] = []) {
        self.gateway = gateway
        self.refreshInterval = refreshInterval
        self.publishCheck = publishCheck
        self.services = services
    }

    /// Every method runs on its connection's event loop: a gateway's work is awaiting other nodes and
    /// merging their answers, never blocking, so it saves a thread hop per call and per answer.
    public func register(into router: inout RPCRouter) {
        let gateway = self.gateway
        router.async(GatewayMethods.summary, runsOnEventLoop: true) { request, context in try await gateway.summary(request, deadline: context.deadline) }
        router.async(GatewayMethods.children, runsOnEventLoop: true) { request, context in try await gateway.children(request, deadline: context.deadline) }
        router.async(GatewayMethods.counties, runsOnEventLoop: true) { request, context in try await gateway.counties(request, deadline: context.deadline) }
        router.async(GatewayMethods.index, runsOnEventLoop: true) { request, context in try await gateway.index(request, deadline: context.deadline) }
        router.async(GatewayMethods.publishIndices, runsOnEventLoop: true) { request, context in
            try await gateway.publishIndices(request, deadline: context.deadline)
        }
        router.async(GatewayMethods.indicatorRecords, runsOnEventLoop: true) { request, context in
            try await gateway.indicatorRecords(request, deadline: context.deadline)
        }
        router.async(GatewayMethods.listHidden, runsOnEventLoop: true) { request, context in try await gateway.listHidden(request, deadline: context.deadline) }
        router.async(GatewayMethods.plan, runsOnEventLoop: true) { request, context in try await gateway.plan(request, deadline: context.deadline) }
        router.async(GatewayMethods.planSubtree, runsOnEventLoop: true) { request, context in try await gateway.subtreePlan(request, deadline: context.deadline) }
        router.async(GatewayMethods.confirm, runsOnEventLoop: true) { request, context in try await gateway.confirm(request, deadline: context.deadline) }
        router.async(GatewayMethods.order, runsOnEventLoop: true) { request, context in try await gateway.routeOrder(request, deadline: context.deadline) }
        router.async(GatewayMethods.nearest, runsOnEventLoop: true) { request, context in try await gateway.nearest(request, deadline: context.deadline) }
        router.async(GatewayMethods.nearestSubtree, runsOnEventLoop: true) { request, context in try await gateway.nearestInSubtree(request, deadline: context.deadline) }
        router.async(GatewayMethods.issueWarning, runsOnEventLoop: true) { request, context in try await gateway.issueWarning(request, deadline: context.deadline) }
        router.async(GatewayMethods.liftWarning, runsOnEventLoop: true) { request, context in try await gateway.liftWarning(request, deadline: context.deadline) }
        router.async(GatewayMethods.reportIncident, runsOnEventLoop: true) { request, context in try await gateway.reportIncident(request, deadline: context.deadline) }
        router.async(GatewayMethods.getIncident, runsOnEventLoop: true) { request, context in try await gateway.incident(request, deadline: context.deadline) }
        router.async(GatewayMethods.fieldReport, runsOnEventLoop: true) { request, context in try await gateway.fieldReport(request, deadline: context.deadline) }
        router.async(GatewayMethods.arrival, runsOnEventLoop: true) { request, context in try await gateway.arrival(request, deadline: context.deadline) }
        router.async(GatewayMethods.respond, runsOnEventLoop: true) { request, context in try await gateway.respond(request, deadline: context.deadline) }
        router.async(GatewayMethods.close, runsOnEventLoop: true) { request, context in try await gateway.close(request, deadline: context.deadline) }
        router.async(GatewayMethods.listIncidents, runsOnEventLoop: true) { request, context in
            try await gateway.listIncidents(request, deadline: context.deadline)
        }
        router.async(GatewayMethods.propose, runsOnEventLoop: true) { request, context in try await gateway.propose(request, deadline: context.deadline) }
        router.async(GatewayMethods.proposeSubtree, runsOnEventLoop: true) { request, context in try await gateway.proposeSubtree(request, deadline: context.deadline) }
        router.async(GatewayMethods.confirmProposal, runsOnEventLoop: true) { request, context in
            try await gateway.confirmProposal(request, deadline: context.deadline)
        }
        router.async(GatewayMethods.deploy, runsOnEventLoop: true) { request, context in try await gateway.deploy(request, deadline: context.deadline) }
        router.async(GatewayMethods.release, runsOnEventLoop: true) { request, context in try await gateway.release(request, deadline: context.deadline) }
    }

    public func counts() async throws -> [NodeCount] {
        [NodeCount("child gateways", Int64(gateway.directory.childGateways().count)),
         NodeCount("own services", Int64(gateway.directory.serviceKinds().count)),
         NodeCount("warning deliveries owed", Int64(gateway.store.outbox.pending(node: gateway.scope.region.code).count))]
    }

    public var backgroundServices: [any Service] {
        let gateway = self.gateway
        return [DirectoryRefresher(directory: gateway.directory, interval: refreshInterval, afterRefresh: { await gateway.redeliverWarnings() },
                                   atShutdown: { gateway.stopStanding() })]
            + (publishCheck.map { [MonthlyPublisher(gateway: gateway, interval: $0)] } ?? []) + services
    }
}
