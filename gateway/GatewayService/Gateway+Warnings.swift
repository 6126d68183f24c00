import AnlanDiscovery
import AnlanRegions
import AnlanRPC
import EvacuationAPI
import Foundation
import GatewayAPI
import NIOCore

/// Warnings down the tiers: a warning issued at any node's gateway reaches the node's own evacuation
/// service and, through the child gateways, every node below whose region it covers. A part that cannot
/// be reached is owed the warning (`WarningOutbox`, on disk) and gets it on a later refresh.
extension Gateway {
    /// Checks a warning, stamps its times (so every node records the same validity) and passes it on.
    public func issueWarning(_ warning: EvacuationAPI.Warning, deadline: NIODeadline?) async throws -> WarningDelivery {
        let warning = try checked(warning)
        let targets = try warningTargets(warning.regionCodes)
        try await store.outbox.recordRoute(node: scope.region.code, warningID: warning.id,
                                           WarningOutbox.Route(issuerRegion: warning.issuerRegion, regionCodes: warning.regionCodes))
        try await store.warnings.record(node: scope.region.code, warning)
        let payload = Data(warning.encoded().readableBytesView)
        return try await deliver(warning.id, .issue, payload, to: targets, deadline: deadline ?? .now() + defaultBudget)
    }

    /// Lifts a warning wherever this node passed it on (after any issue still owed there).
    public func liftWarning(_ request: LiftRequest, deadline: NIODeadline?) async throws -> WarningDelivery {
        let id = request.warningID.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty else { throw RPCError.invalidArgument("a warning id is required") }
        let lifter = try tierRegion(request.issuerRegion.isEmpty ? scope.region.code : request.issuerRegion, role: "lifter")
        guard let route = store.outbox.route(node: scope.region.code, warningID: id) else {
            throw RPCError.notFound("warning \(id) was never passed on by the gateway of \(scope.region)")
        }
        guard scope.tree.isInSubtree(route.issuerRegion, of: lifter.code) else {
            throw RPCError.invalidArgument("\(lifter) did not issue warning \(id) and does not govern its issuer \(route.issuerRegion)")
        }
        try await store.warnings.lift(node: scope.region.code, warningID: id)
        let targets = try warningTargets(route.regionCodes)
        let payload = Data(LiftRequest(warningID: id, issuerRegion: lifter.code).encoded().readableBytesView)
        return try await deliver(id, .lift, payload, to: targets, deadline: deadline ?? .now() + defaultBudget)
    }

    /// The warnings this node passed on (issued here or received from above) that are still in force:
    /// not lifted or replaced, valid until a time still to come; newest first.
    public func warningsInForce() -> [EvacuationAPI.Warning] {
        store.warnings.inForce(node: scope.region.code, nowMilliseconds: Self.nowMilliseconds())
    }

    /// Makes every delivery this node still owes, each part's in the order queued; stops at a part's
    /// first failure (a lifting never overtakes its issue). Run on the refresh loop.
    func redeliverWarnings() async {
        let owed = store.outbox.pending(node: scope.region.code)
        guard !owed.isEmpty else { return }
        let byTarget = Dictionary(grouping: owed, by: \.target)
        await withTaskGroup(of: Void.self) { group in
            for (_, deliveries) in byTarget {
                group.addTask { [self] in
                    for delivery in deliveries.sorted(by: { $0.sequence < $1.sequence }) {
                        let part = await attempt(delivery.target, delivery.action, delivery.payload, deadline: .now() + defaultBudget)
                        guard part.outcome != .queued else {
                            store.outbox.attemptFailed(delivery, reason: part.reason)
                            return
                        }
                        logger.info("warning redelivered", metadata: [
                            "warning": "\(delivery.warningID)", "to": "\(delivery.target)", "outcome": "\(part.outcome.name)",
                            "attempts": "\(delivery.attempts + 1)",
                        ])
                        try? await store.outbox.settled(delivery)
                    }
                }
            }
        }
    }

    // MARK: Parts

    /// Delivers to every target in parallel within the caller's deadline (less the margin); a target
    /// that cannot be reached, or is still owed an earlier delivery of the same warning, is queued.
    private func deliver(_ warningID: String, _ action: WarningOutbox.Action, _ payload: Data, to targets: [String],
                         deadline: NIODeadline) async throws -> WarningDelivery {
        let partDeadline = Self.childDeadline(deadline)
        let node = scope.region.code
        let parts = try await withThrowingTaskGroup(of: WarningPart.self) { group in
            for target in targets {
                group.addTask { [self] in
                    var part: WarningPart
                    if store.outbox.isOwed(node: node, target: target, warningID: warningID) {
                        part = WarningPart(name: target, outcome: .queued, reason: "behind an earlier delivery of \(warningID) still owed")
                    } else {
                        part = await attempt(target, action, payload, deadline: partDeadline)
                    }
                    if part.outcome == .queued {
                        try await store.outbox.enqueue(WarningOutbox.Delivery(node: node, target: target, warningID: warningID,
                                                                              action: action, payload: payload), reason: part.reason)
                        part.queued += 1
                    }
                    return part
                }
            }
            var parts: [WarningPart] = []
            for try await part in group { parts.append(part) }
            return parts
        }
        // The node's own service first, then the children in region order.
        let ordered = parts.sorted { ($0.name == ServiceKind.evacuation ? "" : $0.name) < ($1.name == ServiceKind.evacuation ? "" : $1.name) }
        for part in ordered where part.outcome != .recorded && part.outcome != .delivered {
            logger.notice("warning not delivered", metadata: ["warning": "\(warningID)", "to": "\(part.name)", "outcome": "\(part.outcome.name)",
                                                               "reason": "\(part.reason)"])
        }
        return WarningDelivery(warningID: warningID, parts: ordered, tasks: ordered.reduce(0) { $0 + $1.tasks },
                               queued: ordered.reduce(0) { $0 + $1.queued })
    }

    /// One delivery to one part: the node's own evacuation service or a child's gateway.
    private func attempt(_ target: String, _ action: WarningOutbox.Action, _ payload: Data, deadline: NIODeadline) async -> WarningPart {
        do {
            if target == ServiceKind.evacuation {
                guard let service = directory.service(ServiceKind.evacuation) else {
                    return WarningPart(name: target, outcome: .queued, reason: "no evacuation service registered")
                }
                guard action == .issue else {
                    _ = try await service.call(EvacuationMethods.liftWarning, try LiftRequest(decoding: ByteBuffer(bytes: payload)), deadline: deadline)
                    return WarningPart(name: target, outcome: .recorded)
                }
                let warning = try await service.call(EvacuationMethods.issueWarning, try EvacuationAPI.Warning(decoding: ByteBuffer(bytes: payload)),
                                                     deadline: deadline)
                return WarningPart(name: target, outcome: .recorded, tasks: warning.tasksCreated)
            }
            guard let gateway = directory.gateway(target) else {
                return WarningPart(name: target, outcome: .queued, reason: "no gateway registered for \(target)")
            }
            let delivery = action == .issue
                ? try await gateway.call(GatewayMethods.issueWarning, try EvacuationAPI.Warning(decoding: ByteBuffer(bytes: payload)), deadline: deadline)
                : try await gateway.call(GatewayMethods.liftWarning, try LiftRequest(decoding: ByteBuffer(bytes: payload)), deadline: deadline)
            return WarningPart(name: target, outcome: .delivered, tasks: delivery.tasks, queued: delivery.queued)
        } catch let error as RPCError where Self.refusesForGood(error) {
            return WarningPart(name: target, outcome: .refused, reason: "\(error)")
        } catch {
            return WarningPart(name: target, outcome: .queued, reason: "\(error)")
        }
    }

    /// An answer saying the part will never take this delivery, however often it is sent.
    private static func refusesForGood(_ error: RPCError) -> Bool {
        [.invalidArgument, .notFound, .failedPrecondition, .alreadyExists, .permissionDenied, .unimplemented].contains(error.status)
    }

    // MARK: Checks

    /// The parts of this node a warning over `regionCodes` concerns: its own evacuation service (when it
    /// has one), and every child gateway whose region a covered region contains, equals or lies in.
    private func warningTargets(_ regionCodes: [String]) throws -> [String] {
        let tree = scope.tree
        let here = scope.region.code
        guard regionCodes.contains(where: { tree.isInSubtree(here, of: $0) || tree.isInSubtree($0, of: here) }) else {
            throw RPCError.invalidArgument("the warning covers none of \(scope.region)")
        }
        var targets = directory.service(ServiceKind.evacuation) == nil ? [] : [ServiceKind.evacuation]
        for child in try tree.children(of: here) where hasGateway(child.code) {
            if regionCodes.contains(where: { tree.isInSubtree(child.code, of: $0) || tree.isInSubtree($0, of: child.code) }) {
                targets.append(child.code)
            }
        }
        return targets
    }

    /// A region of this node's tier or above: the issuer or lifter of a warning passed on here.
    private func tierRegion(_ code: String, role: String) throws -> Region {
        guard let region = try? scope.tree.region(code) else { throw RPCError.invalidArgument("\(role): unknown region \"\(code)\"") }
        guard scope.tree.isInSubtree(scope.region.code, of: region.code) else {
            throw RPCError.invalidArgument("\(role): \(region) is neither \(scope.region) nor above it")
        }
        return region
    }

    /// The warning as every node will record it: its issuer of this node's tier or above, governing every
    /// region it covers; a lead time of a band; its times stamped here when not given.
    private func checked(_ warning: EvacuationAPI.Warning) throws -> EvacuationAPI.Warning {
        var warning = warning
        warning.id = warning.id.trimmingCharacters(in: .whitespaces)
        guard !warning.id.isEmpty else { throw RPCError.invalidArgument("id: a warning id is required") }
        guard !warning.id.contains(where: { $0 == " " || $0 == "," || $0 == "<" || $0 == "&" }) else {
            throw RPCError.invalidArgument("id: may not contain spaces, commas, < or & (CAP identifiers)")
        }
        let issuer = try tierRegion(warning.issuerRegion, role: "issuer")
        warning.issuerRegion = issuer.code
        guard !warning.regionCodes.isEmpty else { throw RPCError.invalidArgument("regions: a warning covers at least one region") }
        warning.regionCodes = try warning.regionCodes.map { code in
            guard let covered = try? scope.tree.region(code) else { throw RPCError.invalidArgument("regions: unknown region \"\(code)\"") }
            guard scope.tree.isInSubtree(covered.code, of: issuer.code) else {
                throw RPCError.invalidArgument("regions: \(issuer) does not govern \(covered)")
            }
            return covered.code
        }
        guard [3, 6, 24, 48].contains(warning.leadTimeHours) else {
            throw RPCError.invalidArgument("lead time: \(warning.leadTimeHours) h is not one of the bands 3, 6, 24, 48")
        }
        if warning.issuedAtMilliseconds == 0 { warning.issuedAtMilliseconds = Self.nowMilliseconds() }
        if warning.validFromMilliseconds == 0 { warning.validFromMilliseconds = warning.issuedAtMilliseconds }
        if warning.validToMilliseconds == 0 { warning.validToMilliseconds = warning.validFromMilliseconds + 48 * 3_600_000 }
        guard warning.validToMilliseconds > warning.validFromMilliseconds else {
            throw RPCError.invalidArgument("valid to is not after valid from")
        }
        return warning
    }
}
