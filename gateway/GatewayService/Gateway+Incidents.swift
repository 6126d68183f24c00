import AnlanDiscovery
import AnlanRecords
import AnlanRegions
import AnlanRPC
import EmergencyResponseAPI
import GatewayAPI
import NIOCore

/// Incidents and deployments through the gateways: each step goes to the node that holds the
/// record — an incident's county (its id's prefix names it), a team's commanding node — passed down
/// one gateway at a time, as material orders are.
extension Gateway {
    /// Reports `incident` at the node that holds its region's incidents.
    public func reportIncident(_ incident: Incident, deadline: NIODeadline?) async throws -> Incident {
        let region = try validating { try scope.region(incident.regionCode) }
        // Townships report to their county; a city or the province keeps its own region's (a township's
        // own gateway, below its county, keeps them itself).
        let county = region.tier > .county ? try scope.tree.ancestors(of: region.code).first { $0.tier == .county } ?? region : region
        let holder = scope.region.tier > county.tier ? scope.region : county
        return try await atNode(holder, fallBackHere: true, GatewayMethods.reportIncident, incident,
                                EmergencyResponseMethods.reportIncident, incident, deadline: deadline)
    }

    public func incident(_ request: RecordID, deadline: NIODeadline?) async throws -> IncidentRecord {
        try await atNode(try holder(ofIncident: request.id), GatewayMethods.getIncident, request,
                         EmergencyResponseMethods.getIncident, request, deadline: deadline)
    }

    public func fieldReport(_ report: FieldReport, deadline: NIODeadline?) async throws -> Incident {
        try await atNode(try holder(ofIncident: report.incidentID), GatewayMethods.fieldReport, report,
                         EmergencyResponseMethods.fieldReport, report, deadline: deadline)
    }

    public func arrival(_ report: ArrivalReport, deadline: NIODeadline?) async throws -> Incident {
        try await atNode(try holder(ofIncident: report.incidentID), GatewayMethods.arrival, report,
                         EmergencyResponseMethods.arrival, report, deadline: deadline)
    }

    public func respond(_ step: IncidentStep, deadline: NIODeadline?) async throws -> Incident {
        try await atNode(try holder(ofIncident: step.incidentID), GatewayMethods.respond, step,
                         EmergencyResponseMethods.respond, step, deadline: deadline)
    }

    public func close(_ step: IncidentStep, deadline: NIODeadline?) async throws -> Incident {
        try await atNode(try holder(ofIncident: step.incidentID), GatewayMethods.close, step,
                         EmergencyResponseMethods.close, step, deadline: deadline)
    }

    /// Deploys a team at the node that commands it.
    public func deploy(_ request: NodeDeployment, deadline: NIODeadline?) async throws -> Deployment {
        let node = try validating { try scope.region(request.node) }
        return try await atNode(node, GatewayMethods.deploy, request, EmergencyResponseMethods.deploy, request.deployment, deadline: deadline)
    }

    /// Releases (or undoes) a deployment at the node that commands the team.
    public func release(_ request: NodeRelease, deadline: NIODeadline?) async throws -> Deployment {
        let node = try validating { try scope.region(request.node) }
        return try await atNode(node, GatewayMethods.release, request, EmergencyResponseMethods.release, request.release, deadline: deadline)
    }

    /// The node an incident id names (`<node region>-<sequence>`), in this node's subtree.
    func holder(ofIncident id: String) throws -> Region {
        try validating {
            guard let dash = id.firstIndex(of: "-"), !id[..<dash].isEmpty else {
                throw InvalidRecord("incident id \"\(id)\" is not <node region>-<sequence>")
            }
            return try scope.region(String(id[..<dash]))
        }
    }

    /// `serviceRequest` for `node`'s emergency-response: this node's own when `node` is this node's
    /// region, else `request` passed to the child gateway on the way to it. With `fallBackHere`, a
    /// node below without a gateway is stood in for by this one (the nearest deployed node above).
    func atNode<Request, ServiceRequest, Response>(
        _ node: Region, fallBackHere: Bool = false, _ method: RPCMethod<Request, Response>, _ request: Request,
        _ serviceMethod: RPCMethod<ServiceRequest, Response>, _ serviceRequest: ServiceRequest, deadline: NIODeadline?
    ) async throws -> Response {
        let deadline = deadline ?? .now() + defaultBudget
        if node != scope.region {
            let child = try childOnPath(to: node)
            if hasGateway(child.code) { return try await forward(method, request, to: child, deadline: Self.childDeadline(deadline)) }
            guard fallBackHere else { throw RPCError.unavailable("no gateway serves \(node) below \(scope.region)") }
        }
        guard let service = directory.service(ServiceKind.emergencyResponse) else {
            throw RPCError.unavailable("no emergency-response registered at \(scope.region)")
        }
        return try await Self.relaying("emergency-response at \(scope.region)") { () async throws(RPCError) in
            try await service.call(serviceMethod, serviceRequest, deadline: deadline)
        }
    }
}
