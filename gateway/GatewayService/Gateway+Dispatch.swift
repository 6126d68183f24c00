import AnlanDiscovery
import AnlanRecords
import AnlanRegions
import AnlanRPC
import AnlanWire
import GatewayAPI
import MaterialReserveAPI
import NIOCore

/// Cross-tier dispatch: a need is planned nearest-first from the destination's node outwards, one
/// tier at a time, as far as the need requires; a confirmation creates and approves one order per
/// node the plan draws on, or — if any node refuses or cannot be reached — cancels those already
/// made, so no stock stays reserved by a failed plan.
extension Gateway {
    /// Plans `request` from this node's subtree, starting at the destination's node.
    public func plan(_ request: PlanRequest, deadline: NIODeadline?) async throws -> TieredPlan {
        let deadline = deadline ?? .now() + defaultBudget
        var request = request
        let destination: Region = try validating {
            let region = try scope.region(request.destinationRegion)
            if request.destinationLatitude == 0 && request.destinationLongitude == 0 {
                let place = try scope.tree.location(of: region.code).coordinate
                request.destinationLatitude = place.latitude
                request.destinationLongitude = place.longitude
            }
            _ = try GeoCoordinate(latitude: request.destinationLatitude, longitude: request.destinationLongitude)
            guard !request.needs.isEmpty else { throw InvalidRecord("a plan needs at least one item") }
            guard request.targetHours >= 0, request.targetHours.isFinite else { throw InvalidRecord("target hours must be ≥ 0") }
            return region
        }
        if request.targetHours == 0 { request.targetHours = 3 }
        request.destinationRegion = destination.code
        var plan = try await subtreePlan(SubtreePlanRequest(request: request, wholeSubtree: false), deadline: deadline)
        plan.planID = "\(scope.region.code)-\(Self.nowMilliseconds())-\(String(Self.fingerprint(plan), radix: 16))"
        return plan
    }

    /// Between gateways: this node's part of a plan (see `SubtreePlanRequest`).
    public func subtreePlan(_ subtree: SubtreePlanRequest, deadline: NIODeadline?) async throws -> TieredPlan {
        let request = subtree.request
        return try await walkTiers(
            toward: request.destinationRegion, wholeSubtree: subtree.wholeSubtree, deadline: deadline ?? .now() + defaultBudget,
            own: { await self.ownPlan(request, deadline: $0) },
            child: { await self.childPlan($0, SubtreePlanRequest(request: request, wholeSubtree: $1), deadline: $2) },
            // The destination's own side is enough when it meets the need in time.
            enough: { $0.unmet.isEmpty && $0.targetMet && !$0.lines.isEmpty },
            merge: { Self.merged($0, request: request) })
    }

    private func childPlan(_ child: Region, _ request: SubtreePlanRequest, deadline: NIODeadline) async -> TieredPlan {
        do {
            return try await forward(GatewayMethods.planSubtree, request, to: child, deadline: deadline)
        } catch {
            return TieredPlan(nodes: [PartStatus(name: child.code, freshness: .missing, reason: "\(error)")])
        }
    }

    /// This node's material-reserve plan, its lines labelled with this node.
    private func ownPlan(_ request: PlanRequest, deadline: NIODeadline) async -> TieredPlan {
        guard let reserve = directory.service(ServiceKind.materialReserve) else { return TieredPlan() }
        var local = request
        local.destinationRegion = ""  // coordinates are given; the destination may lie outside this node
        do {
            let plan = try await reserve.call(MaterialReserveMethods.plan, local, deadline: deadline)
            return TieredPlan(lines: plan.lines.map { NodePlanLine(node: scope.region.code, line: $0) },
                              nodes: [PartStatus(name: scope.region.code, freshness: .fresh, asOfMilliseconds: Self.nowMilliseconds())])
        } catch where error.status == .invalidArgument {
            // An item this node does not stock is not a failure of the node.
            return TieredPlan(nodes: [PartStatus(name: scope.region.code, freshness: .fresh, reason: error.message)])
        } catch {
            return TieredPlan(nodes: [PartStatus(name: scope.region.code, freshness: .missing, reason: "\(error)")])
        }
    }

    /// Every part's lines, nearest first, taken until each need is met.
    static func merged(_ parts: [TieredPlan], request: PlanRequest) -> TieredPlan {
        let candidates = parts.flatMap(\.lines).sorted {
            ($0.line.distanceKilometres, $0.node, $0.line.storagePointID) < ($1.line.distanceKilometres, $1.node, $1.line.storagePointID)
        }
        var remaining = Dictionary(request.needs.map { ($0.itemCode, $0.quantity) }, uniquingKeysWith: +)
        var lines: [NodePlanLine] = []
        for candidate in candidates {
            let wanted = remaining[candidate.line.itemCode] ?? 0
            guard wanted > 0 else { continue }
            var taken = candidate
            taken.line.quantity = min(wanted, candidate.line.quantity)
            taken.line.meetsTarget = taken.line.etaHours <= request.targetHours
            remaining[candidate.line.itemCode] = wanted - taken.line.quantity
            lines.append(taken)
        }
        let unmet = request.needs.compactMap { need -> DispatchLine? in
            let left = remaining[need.itemCode] ?? 0
            return left > 0 ? DispatchLine(itemCode: need.itemCode, quantity: left) : nil
        }
        return TieredPlan(needs: request.needs, destinationRegion: request.destinationRegion, destinationLatitude: request.destinationLatitude,
                          destinationLongitude: request.destinationLongitude, targetHours: request.targetHours, lines: lines, unmet: unmet,
                          targetMet: unmet.isEmpty && lines.allSatisfy(\.line.meetsTarget),
                          latestEtaHours: lines.map(\.line.etaHours).max() ?? 0,
                          nodes: parts.flatMap(\.nodes).sorted { $0.name < $1.name })
    }

    /// FNV-1a over a message's encoding: with the time, names a plan or a proposal.
    static func fingerprint(_ message: some WireMessage) -> UInt64 {
        message.encoded().readableBytesView.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    // MARK: Confirmation

    /// Creates and approves one order per node the plan draws on; on any failure cancels them all.
    /// A retry with the same plan finds the same orders (keyed by plan and node) and creates none.
    public func confirm(_ request: ConfirmRequest, deadline: NIODeadline?) async throws -> ConfirmResult {
        let deadline = Self.childDeadline(deadline ?? .now() + defaultBudget)
        guard !request.plan.planID.isEmpty, !request.plan.lines.isEmpty else {
            throw RPCError.invalidArgument("a confirmation needs a plan with an id and lines")
        }
        // Not a child of the request's task: the caller's deadline or a dropped connection cancels the
        // request, and an approved order must still be undone if another node failed.
        return await Task { await self.runConfirmation(request, deadline: deadline) }.value
    }

    func runConfirmation(_ request: ConfirmRequest, deadline: NIODeadline) async -> ConfirmResult {
        let plan = request.plan
        let attempts = await Self.perNode(Set(plan.lines.map(\.node))) { node in
            await self.createAndApprove(node: node, plan: plan, requestedBy: request.requestedBy, deadline: deadline)
        }
        if attempts.allSatisfy({ $0.outcome == .approved }) {
            return ConfirmResult(planID: plan.planID, confirmed: true, orders: attempts)
        }
        // Undo: every order that may exist is cancelled (a cancelled order's reservation is released).
        let undone = await Self.perNode(attempts) { attempt in await self.undo(attempt, plan: plan, requestedBy: request.requestedBy) }
        return ConfirmResult(planID: plan.planID, confirmed: false, orders: undone)
    }

    /// Cancels every order of a confirmed plan, as a failed confirmation's are: another part of the
    /// same dispatch (a proposal's teams) failed.
    func cancelConfirmed(_ result: ConfirmResult, plan: TieredPlan, requestedBy: String) async -> ConfirmResult {
        let undone = await Self.perNode(result.orders) { attempt in await self.undo(attempt, plan: plan, requestedBy: requestedBy) }
        return ConfirmResult(planID: result.planID, confirmed: false, orders: undone)
    }

    /// `step` for each of `items` in parallel; the outcomes in node order.
    private static func perNode<Item: Sendable>(_ items: some Collection<Item>,
                                                _ step: @escaping @Sendable (Item) async -> NodeOrder) async -> [NodeOrder] {
        await inParallel(items, step).sorted { $0.node < $1.node }
    }

    /// The order `order`'s key names at `node`: creating it again returns the order made first (or
    /// makes it, when the first create never arrived).
    private func find(_ order: DispatchOrder, at node: String, deadline: NIODeadline) async throws -> DispatchOrder {
        try await routeOrder(NodeOrderRequest(node: node, action: .create, order: order), deadline: deadline)
    }

    /// The order a plan asks of one node: its lines' totals per item, from its storage points in the plan.
    static func order(for node: String, of plan: TieredPlan, requestedBy: String) -> DispatchOrder {
        let lines = plan.lines.filter { $0.node == node }
        var totals: [String: Int64] = [:]
        for line in lines { totals[line.line.itemCode, default: 0] += line.line.quantity }
        return DispatchOrder(idempotencyKey: "\(plan.planID)/\(node)", sourcePointIDs: Set(lines.map(\.line.storagePointID)).sorted(),
                             destinationRegion: plan.destinationRegion, destinationLatitude: plan.destinationLatitude,
                             destinationLongitude: plan.destinationLongitude,
                             lines: totals.sorted { $0.key < $1.key }.map { DispatchLine(itemCode: $0.key, quantity: $0.value) },
                             requestedBy: requestedBy, note: "cross-tier plan \(plan.planID)")
    }

    private func createAndApprove(node: String, plan: TieredPlan, requestedBy: String, deadline: NIODeadline) async -> NodeOrder {
        let order = Self.order(for: node, of: plan, requestedBy: requestedBy)
        var result = NodeOrder(node: node, idempotencyKey: order.idempotencyKey, lines: order.lines)
        let created: DispatchOrder
        do {
            created = try await find(order, at: node, deadline: deadline)
        } catch let error as RPCError where error.isSafeToRetry || [.invalidArgument, .failedPrecondition, .alreadyExists, .notFound].contains(error.status) {
            result.reason = "create refused: \(error)"
            return result
        } catch {
            // Perhaps created, perhaps not: the undo asks again with the same key.
            result.outcome = .unknown
            result.reason = "create: \(error)"
            return result
        }
        result.orderID = created.id
        switch created.state {
        case .approved, .dispatched, .received:
            result.outcome = .approved  // a retried confirmation: the order stands already
            return result
        case .cancelled:
            result.reason = "order \(created.id) of this plan was cancelled earlier; plan again"
            return result
        case .requested:
            break
        }
        do {
            _ = try await routeOrder(NodeOrderRequest(node: node, action: .approve, step: OrderStep(orderID: created.id, actor: requestedBy)),
                                     deadline: deadline)
            result.outcome = .approved
        } catch {
            // A concurrent confirmation of the same plan may have approved it first: the key finds it.
            if let again = try? await find(order, at: node, deadline: deadline), [.approved, .dispatched, .received].contains(again.state) {
                result.outcome = .approved
            } else {
                result.reason = "approve: \(error)"
            }
        }
        return result
    }

    private func undo(_ attempt: NodeOrder, plan: TieredPlan, requestedBy: String) async -> NodeOrder {
        var result = attempt
        if attempt.outcome == .failed && attempt.orderID.isEmpty { return result }
        // The undo gets its own budget: releasing stock matters more than the caller's deadline.
        let deadline = NIODeadline.now() + defaultBudget
        let order = Self.order(for: attempt.node, of: plan, requestedBy: requestedBy)
        var orderID = attempt.orderID
        do {
            // The create's outcome was unknown: the key finds the order if it was made (or makes it, to cancel it).
            if orderID.isEmpty { orderID = try await find(order, at: attempt.node, deadline: deadline).id }
            let cancelled = try await routeOrder(NodeOrderRequest(node: attempt.node, action: .cancel,
                                                                  step: OrderStep(orderID: orderID, actor: requestedBy)), deadline: deadline)
            result.orderID = cancelled.id
            result.outcome = .cancelled
            result.reason = attempt.outcome == .approved ? "cancelled: another node failed" : attempt.reason
        } catch let error as RPCError where error.status == .failedPrecondition {
            // Cancelled already, or moved on (dispatched) by someone: the key finds it and says which.
            result.orderID = orderID
            let state = try? await find(order, at: attempt.node, deadline: deadline).state
            if state == .cancelled {
                result.outcome = .cancelled
                result.reason = "\(attempt.reason); already cancelled"
            } else {
                result.outcome = .unknown
                result.reason = "\(attempt.reason); order \(orderID) could not be cancelled (\(state?.name ?? "state unknown")): \(error.message)"
            }
        } catch {
            result.orderID = orderID
            result.outcome = .unknown
            result.reason = "\(attempt.reason); could not cancel order \(attempt.idempotencyKey): \(error)"
        }
        return result
    }

    /// An order step for the node serving `request.node`: this node's material-reserve, or passed down.
    public func routeOrder(_ request: NodeOrderRequest, deadline: NIODeadline?) async throws -> DispatchOrder {
        let deadline = deadline ?? .now() + defaultBudget
        let node = try validating { try scope.region(request.node) }
        if node != scope.region {
            let child = try childOnPath(to: node)
            guard hasGateway(child.code) else { throw RPCError.invalidArgument("no node serves \(node) below \(scope.region)") }
            return try await forward(GatewayMethods.order, request, to: child, deadline: deadline)
        }
        guard let reserve = directory.service(ServiceKind.materialReserve) else {
            throw RPCError.unavailable("no material-reserve registered at \(scope.region)")
        }
        return try await Self.relaying("material-reserve at \(scope.region)") { () async throws(RPCError) in
            try await ownOrderStep(request, reserve: reserve, deadline: deadline)
        }
    }

    private func ownOrderStep(_ request: NodeOrderRequest, reserve: RPCClient, deadline: NIODeadline) async throws(RPCError) -> DispatchOrder {
        switch request.action {
        case .create: try await reserve.call(MaterialReserveMethods.createOrder, request.order, deadline: deadline)
        case .approve: try await reserve.call(MaterialReserveMethods.approveOrder, request.step, deadline: deadline)
        case .cancel: try await reserve.call(MaterialReserveMethods.cancelOrder, request.step, deadline: deadline)
        }
    }
}
