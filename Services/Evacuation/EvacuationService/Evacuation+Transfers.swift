import AnlanRecords
import EvacuationAPI
import GRDB

extension Evacuation {
    /// 码上转: records one action for one person, on disk before it answers. The same action again
    /// (to the same shelter) changes nothing. A move to a shelter adds one to its occupancy, a return
    /// from it takes one away; arrivals past capacity are accepted and the shelter shows full.
    ///
    /// Scans that arrive while another batch is being written are written together, one savepoint
    /// each, in one transaction (group commit): a refused scan changes nothing, the others commit.
    public func scan(_ request: ScanRequest) async throws -> TransferTask {
        var request = request
        request.transferCode = try validating { try TransferCode.parse(request.transferCode) }
        request.actor = try validating { try request.actor.required("actor") }
        request.shelterID = request.action == .move ? request.shelterID.trimmed : ""
        request.warningID = request.warningID.trimmed
        request.note = request.note.trimmed
        return try await scans.submit(request)
    }

    /// One validated scan inside the batch's transaction.
    static func apply(_ request: ScanRequest, at now: Int64, _ db: Database) throws -> TransferTask {
        let code = request.transferCode
        guard let person = try EvacuationStore.person(code: code, db) else {
            throw RecordServiceError.notFound("no coded person \(code) on this node")
        }
        let warningID = request.warningID
        guard var task = try EvacuationStore.task(code: code, warning: warningID.isEmpty ? nil : warningID, activeAt: now, db) else {
            throw RecordServiceError.notFound(warningID.isEmpty
                ? "\(person.name) (\(code)) has no transfer under an active warning"
                : "\(person.name) (\(code)) has no transfer under warning \(warningID)")
        }
        let target = request.action.target
        if task.state == target && (target != .moved || task.shelterID == request.shelterID) {
            task.history = try EvacuationStore.events(code: code, warning: task.warningID, db)
            return task
        }
        guard request.action.allowedFrom.contains(task.state) else {
            throw RecordServiceError.failedPrecondition(
                "\(person.name) (\(code)) is \(task.state.name): \(request.action.name) needs \(request.action.allowedFrom.map(\.name).sorted().joined(separator: " or "))")
        }
        if !request.shelterID.isEmpty, try EvacuationStore.shelter(id: request.shelterID, db) == nil {
            throw RecordServiceError.invalidArgument("no shelter \"\(request.shelterID)\" on this node")
        }
        let from = task.state
        if from == .moved, !task.shelterID.isEmpty { try EvacuationStore.addOccupancy(-1, shelter: task.shelterID, db) }
        if target == .moved, !request.shelterID.isEmpty { try EvacuationStore.addOccupancy(1, shelter: request.shelterID, db) }
        task.state = target
        if target == .moved { task.shelterID = request.shelterID }
        task.updatedAtMilliseconds = now
        try EvacuationStore.update(task, db)
        try EvacuationStore.append(TransferEvent(action: request.action, fromState: from, toState: target, actor: request.actor,
                                                 recordedAtMilliseconds: now, shelterID: request.shelterID, note: request.note),
                                   code: code, warning: task.warningID, db)
        task.history = try EvacuationStore.events(code: code, warning: task.warningID, db)
        return task
    }

    /// One person's transfer under a warning (or their latest active one), with every step.
    public func transfer(_ query: TransferQuery) async throws -> TransferTask {
        let code = try validating { try TransferCode.parse(query.transferCode) }
        let warningID = query.warningID.trimmed
        let now = clock()
        return try await store.pool.read { db in
            guard var task = try EvacuationStore.task(code: code, warning: warningID.isEmpty ? nil : warningID, activeAt: now, db) else {
                throw RecordServiceError.notFound("\(code) has no transfer\(warningID.isEmpty ? " under an active warning" : " under warning \(warningID)")")
            }
            task.history = try EvacuationStore.events(code: code, warning: task.warningID, db)
            return task
        }
    }

    /// Who is still to call or move, vulnerable people first, then by region, village and code.
    public func worklist(_ request: WorklistRequest) async throws -> RecordPage<TransferTask> {
        let range = try validating { try scope.subtree(request.regionCode) }
        guard request.limit <= 1000 else { throw RecordServiceError.invalidArgument("limit \(request.limit) is over 1000") }
        let limit = request.limit == 0 ? 100 : Int(request.limit)
        let states = request.states.isEmpty ? TransferState.allCases.filter(\.isUnresolved) : request.states
        let now = clock()
        let tasks = try await store.pool.read { db in
            try EvacuationStore.worklist(range: range, village: request.village.trimmed, cadre: request.cadre.trimmed,
                                         warning: request.warningID.trimmed, states: states, activeAt: now,
                                         after: request.cursor, limit: limit + 1, db)
        }
        let records = Array(tasks.prefix(limit))
        return RecordPage(records: records, nextCursor: tasks.count > limit ? records.last.map(EvacuationStore.cursor(of:)) ?? "" : "")
    }

    /// The region's counts: people coded, tasks under active warnings by state, shelters.
    public func statistics(_ query: StatisticsQuery) async throws -> EvacuationStatistics {
        let region = try validating { try scope.region(query.regionCode) }
        let now = clock()
        let changesAt = try await store.pool.read { db in try EvacuationStore.nextExpiry(after: now, db) }
        return try await statisticsCache.value(for: StatisticsKey(region: region.code, changesAt: changesAt)) {
            var statistics = try await store.pool.read { db in
                try EvacuationStore.statistics(range: RegionRange(subtreeOf: region), activeAt: now, db)
            }
            statistics.regionCode = region.code
            return statistics
        }
    }
}
