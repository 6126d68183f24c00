import AnlanRecords
import EmergencyResponseAPI

extension EmergencyResponse {
    /// A subtree's mergeable figures, kept until the database changes.
    public func statistics(_ query: ResponseStatisticsQuery) async throws -> EmergencyStatistics {
        let region = try validating { try scope.region(query.regionCode) }
        return try await core.statistics(ResponseStatisticsQuery(regionCode: region.code), on: core.today()) {
            var statistics = try await store.pool.read { db in
                try EmergencyResponseStore.statistics(range: RegionRange(subtreeOf: region), db)
            }
            statistics.regionCode = region.code
            return statistics
        }
    }
}
