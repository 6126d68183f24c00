import AnlanRecords
import AnlanRegions
import GRDB
import HazardSurveyAPI

/// Hidden hazards and their transition history: reads and writes inside a caller's transaction.
extension HazardSurveyStore {
    static let hiddenColumns = ["id", "region", "enterprise_id", "location", "description", "category", "major",
                                "discovered", "discovered_by", "tier", "deadline", "listed", "state", "closed"]
    static let hiddenSelect = "SELECT \(hiddenColumns.joined(separator: ", ")) FROM hidden_hazard"

    static func hidden(_ row: Row, asOf today: CivilDay) -> HiddenHazard {
        let state = HiddenHazardState(rawValue: row[12]) ?? .discovered
        let deadline = CivilDay(dayNumber: row[10])
        return HiddenHazard(id: row[0], regionCode: row[1], enterpriseID: (row[2] as String?) ?? "", location: row[3],
                            description: row[4], category: row[5], major: row[6],
                            discoveredOn: CivilDay(dayNumber: row[7]), discoveredBy: row[8], supervisingTier: row[9],
                            deadline: deadline, listed: row[11], state: state,
                            closedOn: (row[13] as Int?).map(CivilDay.init(dayNumber:)),
                            overdue: state.isOpen && deadline < today)
    }

    /// The hazard with its full history.
    static func hidden(id: String, asOf today: CivilDay, _ db: Database) throws -> HiddenHazard? {
        guard var hazard = try Row.fetchOne(db.cachedStatement(sql: hiddenSelect + " WHERE id = ?"), arguments: [id]).map({ hidden($0, asOf: today) }) else {
            return nil
        }
        hazard.history = try Row.fetchAll(db, sql: """
            SELECT seq, action, from_state, to_state, actor, recorded_at, day, note, evidence, tier, deadline
            FROM hidden_hazard_event WHERE hazard_id = ? ORDER BY seq
            """, arguments: [id]).map { row in
            HiddenHazardEvent(sequence: row[0], action: HiddenHazardAction(rawValue: row[1]) ?? .discover,
                              fromState: (row[2] as UInt8?).flatMap(HiddenHazardState.init(rawValue:)),
                              toState: HiddenHazardState(rawValue: row[3]) ?? .discovered, actor: row[4],
                              recordedAtMilliseconds: row[5], day: (row[6] as Int?).map(CivilDay.init(dayNumber:)),
                              note: row[7], evidence: row[8], supervisingTier: row[9],
                              deadline: (row[10] as Int?).map(CivilDay.init(dayNumber:)))
        }
        return hazard
    }

    /// Records a new hazard (state discovered, deadline from its tier) or updates an existing one's
    /// descriptive fields. Discovery date, finder and supervising tier are fixed once recorded.
    ///
    /// - Throws: `InvalidRecord` when a fixed field differs or the enterprise does not exist.
    static func upsert(_ hazard: HiddenHazard, configuration: HazardSurveyConfiguration, recordedAt: Int64,
                       _ db: Database) throws -> WriteOutcome {
        if !hazard.enterpriseID.isEmpty,
           try !Bool(exists: db, sql: "SELECT 1 FROM enterprise WHERE id = ?", hazard.enterpriseID) {
            throw InvalidRecord("enterprise \(hazard.enterpriseID) is not on record here")
        }
        let discovered = hazard.discoveredOn!
        let tier = Tier(rawValue: hazard.supervisingTier)!
        if let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT discovered, discovered_by, region, enterprise_id, location, description, category, major, listed,
                   (SELECT MIN(tier) FROM hidden_hazard_event WHERE hazard_id = hidden_hazard.id AND action = 1), tier,
                   EXISTS (SELECT 1 FROM hidden_hazard_event WHERE hazard_id = hidden_hazard.id AND action = 8)
            FROM hidden_hazard WHERE id = ?
            """), arguments: [hazard.id]) {
            let recordedDay = CivilDay(dayNumber: row[0])
            let recordedBy: String = row[1]
            let originalTier: UInt8? = row[9]
            guard recordedDay == discovered else {
                throw InvalidRecord("discovery date \(discovered) differs from the recorded \(recordedDay); it is fixed once recorded")
            }
            guard recordedBy == hazard.discoveredBy else {
                throw InvalidRecord("discovered by \"\(hazard.discoveredBy)\" differs from the recorded \"\(recordedBy)\"; it is fixed once recorded")
            }
            let currentTier: UInt8 = row[10]
            if let originalTier, hazard.supervisingTier != originalTier, hazard.supervisingTier != currentTier {
                throw InvalidRecord("supervising tier \(tier.name) differs from the recorded \(Tier(rawValue: originalTier)?.name ?? "?"); change it by escalating")
            }
            // An escalated hazard stays listed (挂牌督办) whatever a later update or re-import says.
            let escalated: Bool = row[11]
            var hazard = hazard
            hazard.listed = hazard.listed || escalated
            let same = (row[2] as String) == hazard.regionCode && ((row[3] as String?) ?? "") == hazard.enterpriseID
                && (row[4] as String) == hazard.location && (row[5] as String) == hazard.description
                && (row[6] as String) == hazard.category && (row[7] as Bool) == hazard.major && (row[8] as Bool) == hazard.listed
            if same { return .unchanged }
            try db.cachedStatement(sql: """
                UPDATE hidden_hazard SET region = ?, enterprise_id = ?, location = ?, description = ?, category = ?,
                    major = ?, listed = ? WHERE id = ?
                """).execute(arguments: [hazard.regionCode, hazard.enterpriseID.isEmpty ? nil : hazard.enterpriseID, hazard.location,
                                 hazard.description, hazard.category, hazard.major, hazard.listed, hazard.id])
            return .updated
        }
        let deadline = configuration.deadline(from: discovered, supervisedBy: tier)
        try db.cachedStatement(sql: """
            INSERT INTO hidden_hazard (id, region, enterprise_id, location, description, category, major, discovered,
                discovered_by, tier, deadline, listed, state, closed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
            """).execute(arguments: [
                hazard.id, hazard.regionCode, hazard.enterpriseID.isEmpty ? nil : hazard.enterpriseID, hazard.location,
                hazard.description, hazard.category, hazard.major, discovered.dayNumber, hazard.discoveredBy,
                Int(tier.rawValue), deadline.dayNumber, hazard.listed, Int(HiddenHazardState.discovered.rawValue)])
        try appendEvent(HiddenHazardEvent(sequence: 1, action: .discover, toState: .discovered, actor: hazard.discoveredBy,
                                          recordedAtMilliseconds: recordedAt, day: discovered,
                                          supervisingTier: tier.rawValue, deadline: deadline), hazardID: hazard.id, db)
        return .inserted
    }

    static func appendEvent(_ event: HiddenHazardEvent, hazardID: String, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO hidden_hazard_event (hazard_id, seq, action, from_state, to_state, actor, recorded_at, day,
                note, evidence, tier, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                hazardID, event.sequence, Int(event.action.rawValue), event.fromState.map { Int($0.rawValue) },
                Int(event.toState.rawValue), event.actor, event.recordedAtMilliseconds, event.day?.dayNumber,
                event.note, event.evidence, Int(event.supervisingTier), event.deadline?.dayNumber])
    }

    /// Applies one transition (or escalation) and records it.
    ///
    /// - Throws: `InvalidRecord` for an invalid transition (naming the current state), a missing actor or
    ///   evidence, a day out of order, or an escalation that is not due.
    static func transition(_ request: TransitionRequest, configuration: HazardSurveyConfiguration, recordedAt: Int64,
                           _ db: Database) throws -> HiddenHazard? {
        let today = configuration.today()
        guard var hazard = try hidden(id: request.id, asOf: today, db) else { return nil }
        let day = request.day ?? today
        guard !request.actor.trimmed.isEmpty else {
            throw InvalidRecord("\(request.action.name): who did it (actor) is required")
        }
        guard day <= today else { throw InvalidRecord("\(request.action.name): day \(day) is in the future (today is \(today))") }
        if let last = hazard.history.last?.day, day < last {
            throw InvalidRecord("\(request.action.name): day \(day) is before the last step (\(last))")
        }
        if [.rectify, .close].contains(request.action), request.evidence.trimmed.isEmpty {
            throw InvalidRecord("\(request.action.name): an evidence reference is required")
        }
        let from = hazard.state
        let to = try HiddenHazardTransitions.target(of: request.action, from: from, reopenAllowed: configuration.reopenAllowed)
        var tier = Tier(rawValue: hazard.supervisingTier) ?? .county
        var deadline = hazard.deadline!
        if request.action == .escalate {
            guard deadline < day else {
                throw InvalidRecord("escalate: the hidden hazard is not overdue on \(day) (its \(tier.name) deadline is \(deadline))")
            }
            guard let above = tier.parent else { throw InvalidRecord("escalate: the province already supervises it") }
            tier = above
            deadline = configuration.deadline(from: day, supervisedBy: tier)
            hazard.listed = true
        } else if request.action == .reopen {
            // Reopened: the supervising tier's period starts again from the day it came back.
            deadline = configuration.deadline(from: day, supervisedBy: tier)
        }
        let closed: CivilDay? = to == .closed ? day : (from == .closed ? nil : hazard.closedOn)
        try db.execute(sql: "UPDATE hidden_hazard SET state = ?, tier = ?, deadline = ?, listed = ?, closed = ? WHERE id = ?",
                       arguments: [Int(to.rawValue), Int(tier.rawValue), deadline.dayNumber, hazard.listed,
                                   closed?.dayNumber, hazard.id])
        try appendEvent(HiddenHazardEvent(
            sequence: Int64(hazard.history.count + 1), action: request.action, fromState: from, toState: to,
            actor: request.actor.trimmed, recordedAtMilliseconds: recordedAt, day: day,
            note: request.note, evidence: request.evidence.trimmed,
            supervisingTier: tier.rawValue, deadline: deadline), hazardID: hazard.id, db)
        return try hidden(id: hazard.id, asOf: today, db)
    }

    static func hiddenHazards(in range: RegionRange, query: HazardQuery, asOf today: CivilDay, after cursor: RegionCursor?,
                              limit: Int, _ db: Database) throws -> RecordPage<HiddenHazard> {
        var filter = ListFilter(range: range, cursor: cursor)
        filter.in("state", query.states.map { Int($0.rawValue) })
        if query.overdueOnly { filter.add("state < 5 AND deadline < ?", [today.dayNumber]) }
        if query.majorOnly { filter.add("major = 1") }
        if query.listedOnly { filter.add("listed = 1") }
        if !query.enterpriseID.isEmpty { filter.add("enterprise_id = ?", [query.enterpriseID]) }
        let rows = try Row.fetchAll(db, sql: hiddenSelect + filter.sql(limit: limit), arguments: filter.arguments)
        return filter.page(rows.map { hidden($0, asOf: today) }, limit: limit) { RegionCursor(region: $0.regionCode, id: $0.id) }
    }
}

extension Bool {
    /// Whether `sql` returns a row.
    init(exists db: Database, sql: String, _ arguments: any DatabaseValueConvertible...) throws {
        self = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)) != nil
    }
}

extension HazardSurveyStore {
    /// Whether a hidden hazard `id` is on record.
    static func hiddenExists(id: String, _ db: Database) throws -> Bool {
        try Bool(exists: db, sql: "SELECT 1 FROM hidden_hazard WHERE id = ?", id)
    }

    /// Record counts for `node.info`.
    static func counts(_ db: Database) throws -> [(String, Int64)] {
        [("hazard points", try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM hazard_point") ?? 0),
         ("enterprises", try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM enterprise") ?? 0),
         ("hidden hazards", try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM hidden_hazard") ?? 0),
         ("hidden hazards open", try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM hidden_hazard WHERE state < 5") ?? 0)]
    }
}
