import AnlanRPC
import AnlanRecords
import AnlanWire

/// The aviation-landing-points service's methods (ids 0x0400–0x04FF).
@WireMethods
public enum AviationLandingMethods {
    /// Adds or replaces a point; answers it with its derived compliance.
    /// Fails with `invalidArgument` (id, name, region outside the node, coordinates, a size out of range, year built, a status other than available without a reason).
    public static let putPoint = RPCMethod<LandingPoint, LandingPoint>(id: 0x0401, name: "landing.point.put", access: .maintain)
    /// Fails with `notFound`.
    public static let getPoint = RPCMethod<RecordID, LandingPoint>(id: 0x0402, name: "landing.point.get", access: .read)
    /// Fails with `notFound`; deletes its inspections too.
    public static let deletePoint = RPCMethod<RecordID, EmptyMessage>(id: 0x0403, name: "landing.point.delete", access: .maintain)
    /// Fails with `invalidArgument` (region, cursor, limit over 1000).
    public static let listPoints = RPCMethod<LandingQuery, RecordPage<LandingPoint>>(id: 0x0404, name: "landing.point.list", access: .read)
    /// Fails with `invalidArgument` (coordinates, limit over 1000, radius not 0…20,100 km).
    public static let nearest = RPCMethod<NearestRequest, NearbyPoints>(id: 0x0411, name: "landing.nearest", access: .read)
    /// Fails with `invalidArgument` (corners, south above north, limit over 10,000).
    public static let inBox = RPCMethod<BoxRequest, NearbyPoints>(id: 0x0412, name: "landing.box", access: .read)
    /// Fails with `invalidArgument` (no day, a day in the future, no inspector, no reason for a status other than available), `notFound`.
    public static let recordInspection = RPCMethod<Inspection, Inspection>(id: 0x0421, name: "landing.inspection.record", access: .field)
    /// A point's inspections, newest first, in one page.
    /// Fails with `notFound`.
    public static let inspections = RPCMethod<RecordID, RecordPage<Inspection>>(id: 0x0422, name: "landing.inspection.list", access: .read)
    /// Fails with `invalidArgument`.
    public static let coverage = RPCMethod<CoverageRequest, CoverageReport>(id: 0x0431, name: "landing.coverage", access: .read)
    /// Fails with `invalidArgument`.
    public static let targets = RPCMethod<TargetRequest, TargetReport>(id: 0x0432, name: "landing.targets", access: .read)
    /// Fails with `invalidArgument`.
    public static let statistics = RPCMethod<CoverageRequest, LandingStatistics>(id: 0x0433, name: "landing.stats", access: .read)
    /// Fails with `invalidArgument` (empty file, missing columns); bad rows are reported in the answer.
    public static let importCSV = RPCMethod<LandingImportRequest, ImportReport>(id: 0x0441, name: "landing.import", access: .maintain)
    /// Streamed: `CSVChunk`s, the first starting with the header.
    /// Fails with `invalidArgument` (kind other than `points`).
    public static let exportCSV = RPCMethod<LandingExportRequest, CSVChunk>(id: 0x0442, name: "landing.export", streaming: true, access: .read)
}

/// A CSV file of landing points (or an OurAirports export) for `landing.import`.
public typealias LandingImportRequest = CSVImportRequest<LandingRecordKind>
/// A subtree's landing points for `landing.export` (kind `points`).
public typealias LandingExportRequest = CSVExportRequest<LandingRecordKind>
