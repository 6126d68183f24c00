import AnlanRecords
import AnlanRegions
import Foundation
import GRDB
import MaterialReserveAPI

/// CSV import of storage points, counted stock and region profiles: each bad row is reported with its line and reason,
/// all good rows are committed in one transaction, and importing the same file again changes nothing.
extension MaterialReserve: CSVImporting {
    static let pointColumns = ["id", "region", "name", "lat", "lon", "capacity", "contact", "phone", "owner_tier"]
    static let stockColumns = ["point_id", "item_code", "status", "expires_on", "quantity"]
    static let profileColumns = ["region", "risk_level", "responsible_persons", "disaster_prone_villages"]

    /// The columns of one kind's file, import and export alike.
    package static func columns(of kind: ReserveRecordKind) -> [String] {
        switch kind {
        case .storagePoints: pointColumns
        case .stock: stockColumns
        case .regionProfiles: profileColumns
        }
    }

    /// The columns a file of `kind` must have.
    package static func required(_ kind: ReserveRecordKind) -> [String] {
        switch kind {
        case .storagePoints: Array(pointColumns.prefix(5))
        case .stock: stockColumns
        case .regionProfiles: [profileColumns[0]]
        }
    }

    public func importCSV(_ kind: ReserveRecordKind, bytes: [UInt8], source: String) async throws -> ImportReport {
        var reader = CSVReader(bytes)
        guard let headerRecord = reader.next() else { throw RecordServiceError.invalidArgument("\(source): the file is empty") }
        let columns = Self.columns(of: kind)
        let header: CSVHeader
        do {
            header = try CSVHeader(headerRecord, required: Self.required(kind))
        } catch {
            throw RecordServiceError.invalidArgument("\(source): \(error)")
        }
        let index = columns.map { header.index(of: $0) }
        let body = reader
        let recordedAt = milliseconds()
        let today = self.core.today()
        let scope = self.scope
        let tree = self.tree
        let node = region
        return try await core.store.pool.write { db in
            var reader = body
            var report = ImportReport()
            var seen: [String: Int] = [:]
            var ledger = try MaterialReserveStore.LedgerWriter(db, recordedAt: recordedAt)
            while let record = reader.next() {
                report.rows += 1
                func field(_ n: Int) -> String { record.field(index[n]).trimmed }
                do {
                    if let problem = record.problem { throw InvalidRecord(problem) }
                    switch kind {
                    case .storagePoints:
                        var point = try Self.point(field, scope: scope)
                        // A column the file does not have keeps what the node holds.
                        if let stored = try MaterialReserveStore.pointDetails(id: point.id, db) {
                            if index[5] == nil { point.capacity = stored.capacity }
                            if index[6] == nil { point.contact = stored.contact }
                            if index[7] == nil { point.phone = stored.phone }
                            if index[8] == nil { point.ownerTier = stored.ownerTier }
                            try Self.checkOwner(point.ownerTier, of: try tree.region(point.regionCode))
                        }
                        if let first = seen[point.id] { throw InvalidRecord("id \(point.id) already appears on line \(first) of this file") }
                        seen[point.id] = record.line
                        report.count(try MaterialReserveStore.saveIfChanged(point, db))
                    case .stock:
                        let (item, status, expires, counted) = try Self.stockCount(field)
                        let key = "\(field(0))|\(item)|\(status.rawValue)|\(expires?.description ?? "")"
                        if let first = seen[key] { throw InvalidRecord("this stock line already appears on line \(first) of this file") }
                        guard try MaterialReserveStore.pointExists(id: field(0), db) else {
                            throw InvalidRecord("no storage point \"\(field(0))\" on this node")
                        }
                        guard try MaterialReserveStore.itemExists(code: item, db) else {
                            throw InvalidRecord("item \(item) is not in the catalogue")
                        }
                        let row = try MaterialReserveStore.stockLine(pointID: field(0), itemCode: item, status: status, expires: expires, db)
                        let held = row?.quantity ?? 0
                        let reserved = row?.reserved ?? 0
                        guard counted >= reserved else {
                            throw InvalidRecord("counted \(counted), but \(reserved) of this line are reserved for approved orders")
                        }
                        guard counted <= MaterialReserve.maximumUnits else { throw InvalidRecord("quantity \(counted) is beyond \(MaterialReserve.maximumUnits) units") }
                        seen[key] = record.line
                        if counted == held {
                            report.count(.unchanged)
                        } else {
                            _ = try ledger.append(Movement(storagePointID: field(0), itemCode: item, status: status, expiresOn: expires,
                                                           kind: .adjust, quantity: counted - held, reason: "CSV import \(source) (counted \(today))",
                                                           reference: source, actor: "import"), position: Int(report.rows - 1))
                            report.count(row == nil ? .inserted : .updated)
                        }
                    case .regionProfiles:
                        var profile = try Self.validated(Self.profile(field), tree: tree, node: node)
                        // A column the file does not have keeps what the node holds.
                        if let stored = try MaterialReserveStore.profile(profile.regionCode, db) {
                            if index[1] == nil { profile.riskLevel = stored.riskLevel }
                            if index[2] == nil { profile.responsiblePersons = stored.responsiblePersons }
                            if index[3] == nil { profile.disasterProneVillages = stored.disasterProneVillages }
                        }
                        if let first = seen[profile.regionCode] { throw InvalidRecord("region \(profile.regionCode) already appears on line \(first) of this file") }
                        seen[profile.regionCode] = record.line
                        report.count(try MaterialReserveStore.save(profile, db))
                    }
                } catch let error as InvalidRecord {
                    report.rejected.append(RowError(line: Int64(record.line), reason: error.message))
                } catch let error as RegionError {
                    report.rejected.append(RowError(line: Int64(record.line), reason: "\(error)"))
                }
            }
            try ledger.finish()
            return report
        }
    }

    /// A counted stock line from a row (`field(n)`: column n of `stockColumns`, trimmed): its item, status,
    /// expiry and count; whether its point, item and reservations allow it is the store's to say.
    package static func stockCount(_ field: (Int) -> String) throws -> (item: String, status: StockStatus, expires: CivilDay?, counted: Int64) {
        let item = try CatalogueCode.validateItem(field(1))
        let status = try StockStatus.parse(field(2))
        let expires: CivilDay? = field(3).isEmpty ? nil : try CivilDay(field(3)).orThrow("expires_on: \"\(field(3))\" is not a YYYY-MM-DD date")
        guard let counted = Int64(field(4)), counted >= 0 else { throw InvalidRecord("quantity: \"\(field(4))\" is not a count ≥ 0") }
        return (item, status, expires, counted)
    }

    /// A region profile from a row (`field(n)`: column n of `profileColumns`, trimmed), before it is
    /// checked against the tree.
    package static func profile(_ field: (Int) -> String) throws -> RegionProfile {
        func count(_ n: Int) throws -> Int64 {
            field(n).isEmpty ? 0 : try Int64(field(n)).orThrow("\(profileColumns[n]): \"\(field(n))\" is not a whole number")
        }
        return RegionProfile(regionCode: field(0), riskLevel: field(1).isEmpty ? nil : try RiskLevel.parse(field(1)),
                             responsiblePersons: try count(2), disasterProneVillages: try count(3))
    }

    /// A storage point from a row (`field(n)`: column n of `pointColumns`, trimmed), in `scope`.
    package static func point(_ field: (Int) -> String, scope: NodeScope) throws -> StoragePoint {
        guard !field(0).isEmpty else { throw InvalidRecord("id is required") }
        guard !field(2).isEmpty else { throw InvalidRecord("name is required") }
        let region = try scope.recordRegion(field(1))
        guard let lat = Double(field(3)), let lon = Double(field(4)) else { throw InvalidRecord("lat/lon: not numbers") }
        _ = try GeoCoordinate(latitude: lat, longitude: lon)
        let capacity = field(5).isEmpty ? 0 : try Int64(field(5)).orThrow("capacity: \"\(field(5))\" is not a whole number")
        guard capacity >= 0 else { throw InvalidRecord("capacity \(capacity) is negative") }
        let tier = field(8).isEmpty ? 0 : try (Tier(name: field(8))?.rawValue ?? UInt8(field(8)).flatMap(Tier.init(rawValue:))?.rawValue)
            .orThrow("owner_tier: \"\(field(8))\" is not a tier (province, city, county, township or 1…4)")
        try checkOwner(tier, of: region)
        return StoragePoint(id: field(0), regionCode: region.code, name: field(2), latitude: lat, longitude: lon, capacity: capacity,
                            contact: field(6), phone: field(7), ownerTier: tier)
    }
}
