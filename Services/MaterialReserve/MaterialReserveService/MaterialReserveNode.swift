import AnlanNode
import AnlanRPC
import AnlanRecords
import AnlanWire
import MaterialReserveAPI

/// material-reserve as a node: its methods on the shared server skeleton.
public struct MaterialReserveNode: NodeService {
    public static let kind = "material-reserve"
    public let reserve: MaterialReserve
    public let planner: DispatchPlanner

    public init(reserve: MaterialReserve, planner: DispatchPlanner = DispatchPlanner()) {
        self.reserve = reserve
        self.planner = planner
    }

    public func register(into router: inout RPCRouter) {
        let reserve = self.reserve
        let planner = self.planner
        typealias M = MaterialReserveMethods
        router.async(M.putItem) { request, _ in
            try await reserve.putItem(request)
            return EmptyMessage()
        }
        router.async(M.putStoragePoint) { request, _ in
            try await reserve.putStoragePoint(request)
            return EmptyMessage()
        }
        router.async(M.getStoragePoint) { request, _ in try await reserve.storagePoint(id: request.id) }
        router.async(M.listStoragePoints) { request, _ in try await reserve.storagePoints(request) }
        router.async(M.deleteStoragePoint) { request, _ in
            try await reserve.deleteStoragePoint(id: request.id)
            return EmptyMessage()
        }
        router.async(M.listItems) { _, _ in RecordPage(records: try await reserve.items()) }
        router.async(M.deleteItem) { request, _ in
            try await reserve.deleteItem(code: request.id)
            return EmptyMessage()
        }
        router.async(M.putNorm) { request, _ in
            try await reserve.putNorm(request)
            return EmptyMessage()
        }
        router.async(M.listNorms) { _, _ in ReserveNormList(norms: try await reserve.norms()) }
        router.async(M.putProfile) { request, _ in
            try await reserve.putProfile(request)
            return EmptyMessage()
        }
        router.async(M.getProfile) { request, _ in try await reserve.profile(regionCode: request.id) }
        router.async(M.recordMovements) { request, _ in MovementBatch(movements: try await reserve.record(request.movements)) }
        router.async(M.stockTotals) { request, _ in
            try await reserve.stockTotals(regionCode: request.regionCode, itemPrefix: request.itemPrefix)
        }
        router.async(M.createOrder) { request, _ in try await reserve.createOrder(request) }
        router.async(M.getOrder) { request, _ in try await reserve.order(id: request.id) }
        router.async(M.approveOrder) { request, _ in try await reserve.approve(orderID: request.orderID) }
        router.async(M.dispatchOrder) { request, _ in try await reserve.dispatch(orderID: request.orderID, actor: request.actor) }
        router.async(M.receiveOrder) { request, _ in
            var received: [String: Int64] = [:]
            for line in request.received {
                guard received.updateValue(line.quantity, forKey: line.itemCode) == nil else {
                    throw RecordServiceError.invalidArgument("item \(line.itemCode) is received on two lines; give it once")
                }
            }
            return try await reserve.receive(orderID: request.orderID, received: received)
        }
        router.async(M.cancelOrder) { request, _ in try await reserve.cancel(orderID: request.orderID) }
        router.async(M.plan) { request, _ in try await reserve.plan(request, planner: planner) }
        router.async(M.expiring) { request, _ in try await reserve.expiring(request) }
        router.async(M.gaps) { request, _ in try await reserve.gaps(request) }
        router.async(M.statistics) { request, _ in try await reserve.statistics(request) }
        router.exportCSV(M.exportCSV, from: reserve)
        router.importCSV(M.importCSV, into: reserve)
    }

    public func counts() async throws -> [NodeCount] {
        try await reserve.counts().map { NodeCount($0.0, $0.1) }
    }
}
