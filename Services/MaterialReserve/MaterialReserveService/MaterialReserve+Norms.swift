import AnlanRecords
import AnlanRegions
import GRDB
import MaterialReserveAPI

/// Reserve norms (per tier and risk level) and the region profiles they are counted against.
extension MaterialReserve {
    /// The largest norm quantity and profile count: beyond it is a typo, and sums stay inside Int64.
    static let maximumNormFigure: Int64 = 1_000_000

    /// Adds, replaces or (with quantity 0) removes a reserve norm.
    public func putNorm(_ norm: ReserveNorm) async throws {
        var norm = norm
        try validating {
            guard (1...4).contains(norm.tier) else { throw InvalidRecord("tier \(norm.tier) is not 1…4 (province … township)") }
            norm.itemCode = try CatalogueCode.validateItem(norm.itemCode)
            guard (0...Self.maximumNormFigure).contains(norm.quantity) else {
                throw InvalidRecord("quantity \(norm.quantity) is not 0…\(Self.maximumNormFigure) (0 removes the norm)")
            }
        }
        try await core.store.pool.write { [norm] db in
            if norm.quantity == 0 {
                try MaterialReserveStore.deleteNorm(norm, db)
                return
            }
            guard try MaterialReserveStore.itemExists(code: norm.itemCode, db) else {
                throw RecordServiceError.invalidArgument("item \(norm.itemCode) is not in the catalogue")
            }
            try MaterialReserveStore.save(norm, db)
        }
    }

    /// Every norm, by tier, risk level, item and basis.
    public func norms() async throws -> [ReserveNorm] {
        try await core.store.pool.read { db in try MaterialReserveStore.norms(itemPrefix: "", db) }
    }

    /// Records a region's risk level and counts. The region is in the node's subtree, or above it (a
    /// township node may record its county's risk level).
    public func putProfile(_ profile: RegionProfile) async throws {
        let profile = try validating { try Self.validated(profile, tree: tree, node: region) }
        _ = try await core.store.pool.write { db in try MaterialReserveStore.save(profile, db) }
    }

    /// A region's recorded profile.
    public func profile(regionCode: String) async throws -> RegionProfile {
        let code = try validating { try tree.region(regionCode).code }
        guard let profile = try await core.store.pool.read({ db in try MaterialReserveStore.profile(code, db) }) else {
            throw RecordServiceError.notFound("no profile recorded for region \(regionCode)")
        }
        return profile
    }

    package static func validated(_ profile: RegionProfile, tree: RegionTree, node: Region) throws -> RegionProfile {
        var profile = profile
        let region = try tree.region(profile.regionCode)
        guard RegionRange(subtreeOf: node).contains(region.code) || tree.isInSubtree(node.code, of: region.code) else {
            throw InvalidRecord("region: \(region) is neither in this node's region \(node) nor above it")
        }
        profile.regionCode = region.code
        for (name, value) in [("responsible persons", profile.responsiblePersons), ("disaster-prone villages", profile.disasterProneVillages)] {
            guard (0...maximumNormFigure).contains(value) else { throw InvalidRecord("\(name): \(value) is not 0…\(maximumNormFigure)") }
        }
        return profile
    }
}
