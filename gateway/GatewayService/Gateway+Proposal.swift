import AnlanDiscovery
import AnlanRecords
import AnlanRegions
import AnlanRPC
import AviationLandingAPI
import EmergencyResponseAPI
import Foundation
import GatewayAPI
import MaterialReserveAPI
import NIOCore

/// One dispatch proposal per incident (一屏指挥调度): the teams on standby whose specialties match,
/// soonest first from the incident's side of the subtree outwards, and the cross-tier material plan,
/// in one answer. Confirming it deploys each team at the node that commands it and confirms the
/// material plan — or, if any node refuses or cannot be reached, undoes every deployment and cancels
/// every order, so nothing stays deployed or reserved.
extension Gateway {
    static let maximumTeams: UInt32 = 50
    /// Candidates a node returns per search: more than any proposal takes from one node.
    static let candidatesPerNode: UInt32 = 100

    public func propose(_ request: ProposalRequest, deadline: NIODeadline?) async throws -> DispatchProposal {
        let deadline = deadline ?? .now() + defaultBudget
        let target: Double = try validating {
            guard !request.incidentID.isEmpty else { throw InvalidRecord("a proposal needs an incident id") }
            guard request.teams <= Self.maximumTeams else { throw InvalidRecord("teams \(request.teams) is over \(Self.maximumTeams)") }
            guard request.targetHours >= 0, request.targetHours.isFinite else { throw InvalidRecord("target hours must be ≥ 0") }
            for need in request.needs where need.quantity <= 0 || need.itemCode.isEmpty || need.received != 0 {
                throw InvalidRecord("need \(need.itemCode) \(need.quantity): every need is an item and a quantity > 0 (nothing received yet)")
            }
            return request.targetHours == 0 ? 3 : request.targetHours
        }
        let incident = try await self.incident(RecordID(request.incidentID), deadline: Self.childDeadline(deadline)).incident
        guard incident.status != .closed else { throw RPCError.failedPrecondition("incident \(incident.id) is closed") }
        let wanted = request.teams == 0 ? incident.responseLevel.defaultTeams : Int(request.teams)
        let specialties = incident.kind.specialties
        let search = TeamPlanRequest(
            search: TeamSearch(latitude: incident.latitude, longitude: incident.longitude, specialties: specialties, limit: Self.candidatesPerNode),
            incidentRegion: incident.regionCode, wanted: UInt32(wanted), targetHours: target)
        let needs = request.needs.isEmpty ? IncidentKit.needs(for: incident) : request.needs
        async let materials = materialPlan(needs, for: incident, targetHours: target, deadline: deadline)
        let found = try await proposeSubtree(search, deadline: deadline)
        let choice = Self.chosen(found.teams, specialties: specialties, wanted: wanted, targetHours: target)
        let plan = try await materials
        guard !choice.teams.isEmpty else {
            let missing = found.nodes.filter { $0.freshness != .fresh }.map(\.name)
            throw RPCError.failedPrecondition("no usable route: no team on standby with \(specialties.map(\.name).joined(separator: " or ")) "
                + "can reach incident \(incident.id)" + (missing.isEmpty ? "" : " (not answering: \(missing.joined(separator: ", ")))"))
        }
        var proposal = DispatchProposal(incident: incident, teams: choice.teams, uncovered: choice.uncovered, materials: plan, targetHours: target,
                                        targetMet: choice.met && (plan.lines.isEmpty ? needs.isEmpty : plan.targetMet), nodes: found.nodes)
        proposal.proposalID = "\(scope.region.code)-\(Self.nowMilliseconds())-\(String(Self.fingerprint(proposal), radix: 16))"
        return proposal
    }

    private func materialPlan(_ needs: [DispatchLine], for incident: Incident, targetHours: Double,
                              deadline: NIODeadline) async throws -> TieredPlan {
        guard !needs.isEmpty else { return TieredPlan() }
        return try await plan(PlanRequest(needs: needs, destinationLatitude: incident.latitude, destinationLongitude: incident.longitude,
                                          destinationRegion: incident.regionCode, targetHours: targetHours), deadline: deadline)
    }

    /// Between gateways: the candidate teams of this node's subtree (see `TeamPlanRequest`).
    public func proposeSubtree(_ request: TeamPlanRequest, deadline: NIODeadline?) async throws -> TeamPlan {
        let wanted = Int(request.wanted)
        let scene = GeoCoordinate(uncheckedLatitude: request.search.latitude, longitude: request.search.longitude)
        let reach = TeamArrival.groundReachKilometres(within: request.targetHours)
        return try await walkTiers(
            toward: request.incidentRegion, wholeSubtree: request.wholeSubtree, deadline: deadline ?? .now() + defaultBudget,
            own: { await self.ownTeams(request, deadline: $0) },
            child: { child, whole, deadline in
                var asked = request
                asked.wholeSubtree = whole
                do {
                    return try await self.forward(GatewayMethods.proposeSubtree, asked, to: child, deadline: deadline)
                } catch {
                    return TeamPlan(nodes: [PartStatus(name: child.code, freshness: .missing, reason: "\(error)")])
                }
            },
            enough: { Self.chosen($0.teams, specialties: request.search.specialties, wanted: wanted, targetHours: request.targetHours).met },
            merge: { parts in
                TeamPlan(teams: parts.flatMap(\.teams).sorted { ($0.etaHours, $0.node, $0.team.id) < ($1.etaHours, $1.node, $1.team.id) },
                         nodes: parts.flatMap(\.nodes).sorted { $0.name < $1.name })
            },
            // First the children whose ground teams could arrive in time; the farther ones only if those fall short.
            withinReach: { [childReach] code in childReach[code]?.mayHold(within: reach, of: scene) ?? true })
    }

    /// This node's own teams on standby with an ETA each; an aviation team with no usable landing
    /// point near the incident for its helicopter has no route and is left out.
    private func ownTeams(_ request: TeamPlanRequest, deadline: NIODeadline) async -> TeamPlan {
        guard let service = directory.service(ServiceKind.emergencyResponse) else { return TeamPlan() }
        let found: TeamCandidates
        do {
            found = try await service.call(EmergencyResponseMethods.candidates, request.search, deadline: deadline)
        } catch {
            return TeamPlan(nodes: [PartStatus(name: scope.region.code, freshness: .missing, reason: "\(error)")])
        }
        let scene = GeoCoordinate(uncheckedLatitude: request.search.latitude, longitude: request.search.longitude)
        let helicopters = found.candidates.compactMap { $0.team.kind == .aviation ? $0.team.helicopterClass : nil }
        let landings = helicopters.isEmpty ? .success([]) : await landingPoints(near: scene, for: helicopters.min()!, deadline: deadline)
        var unrouted: [String] = []
        let teams = found.candidates.compactMap { candidate -> ProposedTeam? in
            let team = candidate.team
            var proposed = ProposedTeam(node: scope.region.code, team: team, distanceKilometres: candidate.distanceKilometres,
                                        covers: request.search.specialties.filter(team.specialties.contains))
            if team.kind == .aviation {
                guard let helicopter = team.helicopterClass, case .success(let points) = landings,
                      let landing = points.first(where: { $0.point.largestClass >= helicopter }) else {
                    let why = if case .failure(let error) = landings { "the landing search failed: \(error)" }
                        else { "no usable landing point within \(Int(TeamArrival.landingReachKilometres)) km" }
                    unrouted.append("\(team.id): \(why)")
                    return nil
                }
                let base = GeoCoordinate(uncheckedLatitude: team.latitude, longitude: team.longitude)
                let flown = base.distance(to: GeoCoordinate(uncheckedLatitude: landing.point.latitude, longitude: landing.point.longitude)) / 1000
                proposed.etaHours = TeamArrival.byAir(flownKilometres: flown, lastLegKilometres: landing.distanceKilometres, helicopter: helicopter)
                proposed.landingPointID = landing.point.id
                proposed.landingPointName = landing.point.name
                proposed.landingDistanceKilometres = landing.distanceKilometres
            } else {
                proposed.etaHours = TeamArrival.byRoad(candidate.distanceKilometres)
            }
            proposed.meetsTarget = proposed.etaHours <= request.targetHours
            return proposed
        }
        return TeamPlan(teams: teams, nodes: [PartStatus(name: scope.region.code, freshness: .fresh, asOfMilliseconds: Self.nowMilliseconds(),
                                                         reason: unrouted.isEmpty ? "" : "aviation teams without a route: " + unrouted.joined(separator: "; "))])
    }

    /// The usable landing points within reach of `scene` that take at least `smallest` helicopters,
    /// nearest first: one search for every class (each team takes the nearest that takes its own).
    private func landingPoints(near scene: GeoCoordinate, for smallest: HelicopterClass,
                               deadline: NIODeadline) async -> Result<[NearbyPoint], any Error> {
        let request = NearestRequest(latitude: scene.latitude, longitude: scene.longitude, limit: 100, minimumClass: smallest,
                                     radiusKilometres: TeamArrival.landingReachKilometres)
        do {
            return .success(try await nearest(request, deadline: deadline).points)
        } catch {
            return .failure(error)
        }
    }

    /// The teams a proposal sends, from `candidates` soonest first: the soonest team for each of the
    /// incident's specialties in turn, then the soonest of the rest, up to `wanted`. `met`: as many as
    /// wanted, every specialty covered, every team within the target.
    static func chosen(_ candidates: [ProposedTeam], specialties: [Specialty], wanted: Int,
                       targetHours: Double) -> (teams: [ProposedTeam], uncovered: [Specialty], met: Bool) {
        var taken = Set<String>()
        var teams: [ProposedTeam] = []
        var uncovered: [Specialty] = []
        for specialty in specialties where teams.count < wanted {
            if teams.contains(where: { $0.covers.contains(specialty) }) { continue }
            guard let team = candidates.first(where: { !taken.contains($0.node + "/" + $0.team.id) && $0.covers.contains(specialty) }) else {
                uncovered.append(specialty)
                continue
            }
            taken.insert(team.node + "/" + team.team.id)
            teams.append(team)
        }
        for candidate in candidates where teams.count < wanted && !taken.contains(candidate.node + "/" + candidate.team.id) {
            taken.insert(candidate.node + "/" + candidate.team.id)
            teams.append(candidate)
        }
        // Specialties skipped for want of room are uncovered too.
        uncovered = specialties.filter { specialty in !teams.contains { $0.covers.contains(specialty) } }
        teams.sort { ($0.etaHours, $0.node, $0.team.id) < ($1.etaHours, $1.node, $1.team.id) }
        return (teams, uncovered, teams.count == wanted && uncovered.isEmpty && teams.allSatisfy { $0.etaHours <= targetHours })
    }

    // MARK: Confirmation

    /// Deploys every team and confirms the material plan, or undoes all of it.
    public func confirmProposal(_ request: ProposalConfirmRequest, deadline: NIODeadline?) async throws -> ProposalConfirmation {
        let deadline = Self.childDeadline(deadline ?? .now() + defaultBudget)
        let proposal = request.proposal
        guard !proposal.proposalID.isEmpty, !proposal.incident.id.isEmpty, !(proposal.teams.isEmpty && proposal.materials.lines.isEmpty) else {
            throw RPCError.invalidArgument("a confirmation needs a proposal with an id, its incident and teams or materials")
        }
        guard proposal.materials.lines.isEmpty || !proposal.materials.planID.isEmpty else {
            throw RPCError.invalidArgument("the proposal's material plan has lines but no plan id")
        }
        // Not a child of the request's task: a dropped caller must not stop the undo of what was done.
        return await Task { await self.runProposal(request, deadline: deadline) }.value
    }

    private func runProposal(_ request: ProposalConfirmRequest, deadline: NIODeadline) async -> ProposalConfirmation {
        let proposal = request.proposal
        async let materials = confirmMaterials(proposal.materials, requestedBy: request.requestedBy, deadline: deadline)
        let deployed = await Self.inParallel(proposal.teams) { team in
            await self.deployTeam(team, of: proposal, requestedBy: request.requestedBy, deadline: deadline)
        }
        var result = ProposalConfirmation(proposalID: proposal.proposalID, teams: deployed, materials: await materials)
        if deployed.allSatisfy({ $0.outcome == .approved }) && result.materials.confirmed {
            result.confirmed = true
            let step = IncidentStep(incidentID: proposal.incident.id, actor: request.requestedBy, note: Self.dispatchNote(proposal))
            do {
                _ = try await respond(step, deadline: .now() + defaultBudget)
            } catch {
                // The dispatch stands; only its line in the incident's timeline is missing.
                logger.warning("a confirmed dispatch was not noted on its incident",
                               metadata: ["incident": "\(proposal.incident.id)", "error": "\(error)"])
            }
            return result
        }
        result.teams = await Self.inParallel(deployed) { order in await self.undoDeployment(order, requestedBy: request.requestedBy) }
        if result.materials.confirmed && !proposal.materials.lines.isEmpty {
            result.materials = await cancelConfirmed(result.materials, plan: proposal.materials, requestedBy: request.requestedBy)
        }
        return result
    }

    private func confirmMaterials(_ plan: TieredPlan, requestedBy: String, deadline: NIODeadline) async -> ConfirmResult {
        guard !plan.lines.isEmpty else { return ConfirmResult(planID: plan.planID, confirmed: true) }
        return await runConfirmation(ConfirmRequest(plan: plan, requestedBy: requestedBy), deadline: deadline)
    }

    /// What the incident's timeline says of a confirmed dispatch.
    static func dispatchNote(_ proposal: DispatchProposal) -> String {
        let teams = proposal.teams.map { String(format: "%@（%@，约 %.1f 小时）", $0.team.name, $0.node, $0.etaHours) }
        let items = proposal.materials.lines.count
        return "调度方案 \(proposal.proposalID)：队伍 \(teams.joined(separator: "、"))"
            + (items == 0 ? "" : "；物资 \(items) 项（计划 \(proposal.materials.planID)）")
    }

    private func deployTeam(_ proposed: ProposedTeam, of proposal: DispatchProposal, requestedBy: String,
                            deadline: NIODeadline) async -> TeamOrder {
        let key = "\(proposal.proposalID)/\(proposed.team.id)"
        var order = TeamOrder(node: proposed.node, teamID: proposed.team.id, idempotencyKey: key)
        let deployment = Deployment(idempotencyKey: key, teamID: proposed.team.id, incidentID: proposal.incident.id,
                                    latitude: proposal.incident.latitude, longitude: proposal.incident.longitude, actor: requestedBy)
        do {
            let made = try await deploy(NodeDeployment(node: proposed.node, deployment: deployment), deadline: deadline)
            if made.state == .active {
                order.outcome = .approved
            } else {
                order.reason = "deployment \(key) has ended (\(made.state.name)); propose again"
            }
        } catch let error as RPCError where error.isSafeToRetry || [.invalidArgument, .failedPrecondition, .alreadyExists, .notFound].contains(error.status) {
            order.reason = "deploy refused: \(error)"
        } catch {
            // Perhaps deployed, perhaps not: the undo names the key, and leaves a tombstone if it never arrived.
            order.outcome = .unknown
            order.reason = "deploy: \(error)"
        }
        return order
    }

    private func undoDeployment(_ order: TeamOrder, requestedBy: String) async -> TeamOrder {
        guard order.outcome != .failed else { return order }
        var result = order
        // Its own budget: a team left deployed by a failed dispatch matters more than the caller's deadline.
        let deadline = NIODeadline.now() + defaultBudget
        do {
            _ = try await release(NodeRelease(node: order.node, release: ReleaseRequest(idempotencyKey: order.idempotencyKey, actor: requestedBy,
                                                                                        undo: true)), deadline: deadline)
            result.outcome = .cancelled
            result.reason = order.outcome == .approved ? "undone: another part of the dispatch failed" : "\(order.reason); undone"
        } catch {
            result.outcome = .unknown
            result.reason = "\(order.reason); could not undo \(order.idempotencyKey): \(error)"
        }
        return result
    }
}
