import AnlanRPC
import AnlanRecords
import AnlanWire

/// The material-reserve service's methods (ids 0x0300–0x03FF).
@WireMethods
public enum MaterialReserveMethods {
    public static let putItem = RPCMethod<CatalogueItem, EmptyMessage>(id: 0x0301, name: "reserve.item.put")
    public static let putStoragePoint = RPCMethod<StoragePoint, EmptyMessage>(id: 0x0302, name: "reserve.point.put")
    public static let getStoragePoint = RPCMethod<RecordID, StoragePoint>(id: 0x0307, name: "reserve.point.get")
    public static let listStoragePoints = RPCMethod<PointQuery, RecordPage<StoragePoint>>(id: 0x0308, name: "reserve.point.list")
    /// Refused for a point with any ledger history.
    public static let deleteStoragePoint = RPCMethod<RecordID, EmptyMessage>(id: 0x0309, name: "reserve.point.delete")
    /// The whole catalogue in one page (`nextCursor` is always "").
    public static let listItems = RPCMethod<EmptyMessage, RecordPage<CatalogueItem>>(id: 0x030A, name: "reserve.item.list")
    /// Refused for an item that any stock line, movement, norm or order names.
    public static let deleteItem = RPCMethod<RecordID, EmptyMessage>(id: 0x030B, name: "reserve.item.delete")
    public static let putNorm = RPCMethod<ReserveNorm, EmptyMessage>(id: 0x0303, name: "reserve.norm.put")
    public static let listNorms = RPCMethod<EmptyMessage, ReserveNormList>(id: 0x0304, name: "reserve.norm.list")
    public static let putProfile = RPCMethod<RegionProfile, EmptyMessage>(id: 0x0305, name: "reserve.profile.put")
    public static let getProfile = RPCMethod<RecordID, RegionProfile>(id: 0x0306, name: "reserve.profile.get")
    public static let recordMovements = RPCMethod<MovementBatch, MovementBatch>(id: 0x0311, name: "reserve.ledger.record")
    public static let stockTotals = RPCMethod<StockQuery, StockTotals>(id: 0x0312, name: "reserve.stock.totals")
    public static let createOrder = RPCMethod<DispatchOrder, DispatchOrder>(id: 0x0321, name: "reserve.order.create")
    public static let getOrder = RPCMethod<RecordID, DispatchOrder>(id: 0x0322, name: "reserve.order.get")
    public static let approveOrder = RPCMethod<OrderStep, DispatchOrder>(id: 0x0323, name: "reserve.order.approve")
    public static let dispatchOrder = RPCMethod<OrderStep, DispatchOrder>(id: 0x0324, name: "reserve.order.dispatch")
    public static let receiveOrder = RPCMethod<OrderStep, DispatchOrder>(id: 0x0325, name: "reserve.order.receive")
    public static let cancelOrder = RPCMethod<OrderStep, DispatchOrder>(id: 0x0326, name: "reserve.order.cancel")
    public static let plan = RPCMethod<PlanRequest, DispatchPlan>(id: 0x0331, name: "reserve.plan")
    public static let expiring = RPCMethod<ExpiryRequest, ExpiryReport>(id: 0x0341, name: "reserve.expiring")
    public static let gaps = RPCMethod<GapRequest, GapReport>(id: 0x0342, name: "reserve.gaps")
    /// Mergeable figures of a subtree for roll-up (the item prefix narrows categories and norm lines).
    public static let statistics = RPCMethod<StockQuery, ReserveStatistics>(id: 0x0343, name: "reserve.stats")
    public static let importCSV = RPCMethod<ReserveImportRequest, ImportReport>(id: 0x0351, name: "reserve.import")
    /// Streamed: `CSVChunk`s, the first starting with the header.
    public static let exportCSV = RPCMethod<ReserveExportRequest, CSVChunk>(id: 0x0352, name: "reserve.export", streaming: true)
}
