import AnlanRecords
import AnlanRegions
import AnlanStorage
import Logging

/// What every record service's facade holds, opened the same way for each: the node's region in the
/// tree, the service's store, the statistics kept until the database changes, its logger and its clock.
public struct RecordServiceCore<Store: ServiceStore, StatisticsRequest: Hashable & Sendable, Statistics: Sendable>: Sendable {
    /// The node's region, against which every region a request names is checked.
    public let scope: NodeScope
    public let store: Store
    /// Statistics kept until the database changes (a gateway asks every second).
    public let statisticsCache: ReadCache<DayKey<StatisticsRequest>, Statistics>
    public let logger: Logger
    /// Today at the node (China Standard Time).
    public let today: @Sendable () -> CivilDay

    /// Looks the region up in `tree`, then opens (creating and migrating if needed) the store at `databasePath`.
    public init(databasePath: String, regionCode: String, tree: RegionTree, logger: Logger,
                today: @escaping @Sendable () -> CivilDay) throws {
        scope = NodeScope(region: try tree.region(regionCode), tree: tree)
        store = try Store(path: databasePath)
        statisticsCache = ReadCache(path: databasePath)
        self.logger = logger
        self.today = today
    }

    public var region: Region { scope.region }
    public var tree: RegionTree { scope.tree }

    /// The statistics of `request` on `day`: the kept answer while the database is unchanged, else `count()`'s.
    public func statistics(_ request: StatisticsRequest, on day: CivilDay,
                           count: () async throws -> Statistics) async throws -> Statistics {
        try await statisticsCache.value(for: DayKey(request, on: day), count)
    }
}
