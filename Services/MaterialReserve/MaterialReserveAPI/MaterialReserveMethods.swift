import AnlanRPC
import AnlanRecords
import AnlanWire

/// The material-reserve service's methods (ids 0x0300–0x03FF).
@WireMethods
public enum MaterialReserveMethods {
    /// Fails with `invalidArgument` (code, name).
    public static let putItem = RPCMethod<CatalogueItem, EmptyMessage>(id: 0x0301, name: "reserve.item.put", access: .maintain)
    /// Fails with `invalidArgument` (region outside the node, coordinates, capacity).
    public static let putStoragePoint = RPCMethod<StoragePoint, EmptyMessage>(id: 0x0302, name: "reserve.point.put", access: .maintain)
    /// Fails with `notFound`.
    public static let getStoragePoint = RPCMethod<RecordID, StoragePoint>(id: 0x0307, name: "reserve.point.get", access: .read)
    /// Fails with `invalidArgument` (region, cursor, limit over 1000).
    public static let listStoragePoints = RPCMethod<PointQuery, RecordPage<StoragePoint>>(id: 0x0308, name: "reserve.point.list", access: .read)
    /// Refused for a point with any ledger history.
    /// Fails with `notFound`; `failedPrecondition` when the point has any ledger movement or is a source of a dispatch order.
    public static let deleteStoragePoint = RPCMethod<RecordID, EmptyMessage>(id: 0x0309, name: "reserve.point.delete", access: .maintain)
    /// The whole catalogue in one page (`nextCursor` is always "").
    /// —.
    public static let listItems = RPCMethod<EmptyMessage, RecordPage<CatalogueItem>>(id: 0x030A, name: "reserve.item.list", access: .read)
    /// Refused for an item that any stock line, movement, norm or order names.
    /// Fails with `notFound`; `failedPrecondition` when a movement, stock line, norm or dispatch order names the item.
    public static let deleteItem = RPCMethod<RecordID, EmptyMessage>(id: 0x030B, name: "reserve.item.delete", access: .maintain)
    /// Fails with `invalidArgument` (tier not 1…4, item not in the catalogue, quantity not 0…1,000,000); quantity 0 removes the norm.
    public static let putNorm = RPCMethod<ReserveNorm, EmptyMessage>(id: 0x0303, name: "reserve.norm.put", access: .maintain)
    /// —.
    public static let listNorms = RPCMethod<EmptyMessage, ReserveNormList>(id: 0x0304, name: "reserve.norm.list", access: .read)
    /// Fails with `invalidArgument` (region neither in the node's subtree nor above it; counts not 0…1,000,000).
    public static let putProfile = RPCMethod<RegionProfile, EmptyMessage>(id: 0x0305, name: "reserve.profile.put", access: .maintain)
    /// Fails with `invalidArgument`, `notFound`.
    public static let getProfile = RPCMethod<RecordID, RegionProfile>(id: 0x0306, name: "reserve.profile.get", access: .read)
    /// Fails with `invalidArgument`, `failedPrecondition` (more than available); messages start `movement N:`; all movements or none.
    public static let recordMovements = RPCMethod<MovementBatch, MovementBatch>(id: 0x0311, name: "reserve.ledger.record", access: .maintain)
    /// Fails with `invalidArgument`.
    public static let stockTotals = RPCMethod<StockQuery, StockTotals>(id: 0x0312, name: "reserve.stock.totals", access: .read)
    /// Fails with `invalidArgument`; a repeated idempotency key returns the first order; the same key with other lines, sources or destination is `alreadyExists`.
    public static let createOrder = RPCMethod<DispatchOrder, DispatchOrder>(id: 0x0321, name: "reserve.order.create", access: .command)
    /// Fails with `notFound`.
    public static let getOrder = RPCMethod<RecordID, DispatchOrder>(id: 0x0322, name: "reserve.order.get", access: .read)
    /// Fails with `failedPrecondition` (state, or `ITEM short by N of M` per line — nothing is reserved then), `notFound`.
    public static let approveOrder = RPCMethod<OrderStep, DispatchOrder>(id: 0x0323, name: "reserve.order.approve", access: .command)
    /// Fails with `failedPrecondition` (state; or a reserved lot expired since approval — cancel and approve anew), `notFound`.
    public static let dispatchOrder = RPCMethod<OrderStep, DispatchOrder>(id: 0x0324, name: "reserve.order.dispatch", access: .command)
    /// Fails with `invalidArgument` (unknown item, an item twice, more than sent), `failedPrecondition` (state), `notFound`.
    public static let receiveOrder = RPCMethod<OrderStep, DispatchOrder>(id: 0x0325, name: "reserve.order.receive", access: .field)
    /// Fails with `failedPrecondition` (dispatched or received), `notFound`.
    public static let cancelOrder = RPCMethod<OrderStep, DispatchOrder>(id: 0x0326, name: "reserve.order.cancel", access: .command)
    /// Fails with `invalidArgument`.
    public static let plan = RPCMethod<PlanRequest, DispatchPlan>(id: 0x0331, name: "reserve.plan", access: .read)
    /// Fails with `invalidArgument`.
    public static let expiring = RPCMethod<ExpiryRequest, ExpiryReport>(id: 0x0341, name: "reserve.expiring", access: .read)
    /// Fails with `invalidArgument`.
    public static let gaps = RPCMethod<GapRequest, GapReport>(id: 0x0342, name: "reserve.gaps", access: .read)
    /// Mergeable figures of a subtree for roll-up (the item prefix narrows categories and norm lines).
    /// Fails with `invalidArgument`.
    public static let statistics = RPCMethod<StockQuery, ReserveStatistics>(id: 0x0343, name: "reserve.stats", access: .read)
    /// Fails with `invalidArgument` (empty file, missing columns); bad rows are reported in the answer.
    public static let importCSV = RPCMethod<ReserveImportRequest, ImportReport>(id: 0x0351, name: "reserve.import", access: .maintain)
    /// Streamed: `CSVChunk`s, the first starting with the header.
    /// Fails with `invalidArgument`.
    public static let exportCSV = RPCMethod<ReserveExportRequest, CSVChunk>(id: 0x0352, name: "reserve.export", streaming: true, access: .read)
}
