import AnlanRecords

/// What a material-reserve CSV file holds.
public enum ReserveRecordKind: UInt8, WireEnum {
    /// `id,region,name,lat,lon,capacity,contact,phone,owner_tier`
    case storagePoints = 1
    /// `point_id,item_code,status,expires_on,quantity`: counted quantities; the node records the
    /// difference from its stock as an `adjust` movement, so the ledger stays the only source of change.
    case stock = 2
    /// `region,risk_level,responsible_persons,disaster_prone_villages`: what reserve norms count against.
    case regionProfiles = 3

    public static let kindName = "record kind"

    public var name: String {
        switch self {
        case .storagePoints: "storage-points"
        case .stock: "stock"
        case .regionProfiles: "region-profiles"
        }
    }
}

/// A CSV file of storage points, counted stock or region profiles for `reserve.import`.
public typealias ReserveImportRequest = CSVImportRequest<ReserveRecordKind>
/// A subtree's storage points, stock lines or region profiles for `reserve.export`.
public typealias ReserveExportRequest = CSVExportRequest<ReserveRecordKind>
