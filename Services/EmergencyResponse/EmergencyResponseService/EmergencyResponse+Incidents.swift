import AnlanRecords
import AnlanRegions
import EmergencyResponseAPI
import GRDB

/// Incidents: reported → responding → closed (a false alarm closes from reported), each step and
/// each report from the field appended to the timeline in the same transaction.
extension EmergencyResponse {
    /// How far ahead of the node's clock a report may be dated (phones' clocks drift).
    static let clockSkewMilliseconds: Int64 = 5 * 60_000

    /// Records an incident in the node's subtree and opens its timeline; a report key seen before
    /// answers the first incident unchanged.
    @discardableResult
    public func reportIncident(_ incident: Incident) async throws -> Incident {
        let incident = try validating { try validated(incident, now: clock()) }
        let nodeRegion = region.code
        return try await store.pool.write { db in
            if !incident.reportKey.isEmpty, let first = try EmergencyResponseStore.incident(reportKey: incident.reportKey, db) {
                return first
            }
            let recorded = try EmergencyResponseStore.insert(incident, nodeRegion: nodeRegion, db)
            try EmergencyResponseStore.append(.reported, to: recorded.id, at: recorded.reportedAtMilliseconds, actor: recorded.reporter,
                                              text: Self.reportText(recorded), db)
            return recorded
        }
    }

    /// An incident and its whole timeline.
    public func incident(id: String) async throws -> IncidentRecord {
        let id = id.trimmed
        return try await store.pool.read { db in
            let incident = try Self.existingIncident(id, db)
            return IncidentRecord(incident: incident, timeline: try EmergencyResponseStore.timeline(of: id, db))
        }
    }

    /// A subtree's incidents, newest first.
    public func incidents(_ query: IncidentQuery) async throws -> RecordPage<Incident> {
        let range = try validating { try scope.subtree(query.regionCode) }
        let before: Int64? = query.cursor.isEmpty ? nil : try validating {
            try Int64(query.cursor).orThrow("cursor \"\(query.cursor.prefix(40))\" was not produced by a list; pass nextCursor back unchanged")
        }
        let limit = try Self.pageSize(query.limit)
        let page = try await store.pool.read { db in
            try EmergencyResponseStore.incidents(range: range, openOnly: query.openOnly, before: before, limit: limit + 1, db)
        }
        let records = Array(page.prefix(limit))
        return RecordPage(records: records.map(\.incident), nextCursor: page.count > limit ? records.last.map { String($0.rowid) } ?? "" : "")
    }

    /// 码上报: the counts given replace the incident's, a level given replaces its level.
    @discardableResult
    public func fieldReport(_ report: FieldReport) async throws -> Incident {
        var report = report
        try validating {
            report.reporter = try report.reporter.required("reporter")
            try Self.checkPeople([("affected", report.affected), ("dead", report.dead), ("injured", report.injured), ("missing", report.missing)])
            report.note = report.note.trimmed
        }
        let at = report.atMilliseconds == 0 ? clock() : report.atMilliseconds
        return try await changeOpenIncident(report.incidentID) { [report] incident, db in
            let before = incident
            incident.affected = report.affected ?? incident.affected
            incident.dead = report.dead ?? incident.dead
            incident.injured = report.injured ?? incident.injured
            incident.missing = report.missing ?? incident.missing
            incident.responseLevel = report.responseLevel ?? incident.responseLevel
            try EmergencyResponseStore.append(.fieldReport, to: incident.id, at: at, actor: report.reporter,
                                              text: Self.fieldReportText(report, before: before), db)
        }
    }

    /// reported → responding; while responding, the note (what was sent) is appended as a dispatch.
    @discardableResult
    public func respond(_ step: IncidentStep) async throws -> Incident {
        let at = step.atMilliseconds == 0 ? clock() : step.atMilliseconds
        let note = step.note.trimmed, actor = step.actor.trimmed
        return try await changeOpenIncident(step.incidentID) { incident, db in
            if incident.status == .responding {
                try EmergencyResponseStore.append(.dispatched, to: incident.id, at: at, actor: actor, text: note, db)
            } else {
                incident.status = .responding
                try EmergencyResponseStore.append(.statusChanged, to: incident.id, at: at, actor: actor,
                                                  text: "已报告 → 处置中" + (note.isEmpty ? "" : "；\(note)"), db)
            }
        }
    }

    /// reported or responding → closed.
    @discardableResult
    public func close(_ step: IncidentStep) async throws -> Incident {
        let at = step.atMilliseconds == 0 ? clock() : step.atMilliseconds
        let note = step.note.trimmed, actor = step.actor.trimmed
        return try await changeOpenIncident(step.incidentID) { incident, db in
            let from = incident.status == .reported ? "已报告" : "处置中"
            incident.status = .closed
            incident.closedAtMilliseconds = at
            try EmergencyResponseStore.append(.statusChanged, to: incident.id, at: at, actor: actor,
                                              text: "\(from) → 已结束" + (note.isEmpty ? "" : "；\(note)"), db)
        }
    }

    /// A team reached the scene; the earliest arrival is the incident's first.
    @discardableResult
    public func arrival(_ report: ArrivalReport) async throws -> Incident {
        let teamID = try validating { try report.teamID.required("team") }
        let at = report.atMilliseconds == 0 ? clock() : report.atMilliseconds
        let actor = report.actor.trimmed
        return try await changeOpenIncident(report.incidentID) { incident, db in
            guard at >= incident.reportedAtMilliseconds else {
                throw RecordServiceError.invalidArgument("arrival at \(at) is before the report (\(incident.reportedAtMilliseconds))")
            }
            if incident.firstArrivalMilliseconds == 0 || incident.firstArrivalMilliseconds > at { incident.firstArrivalMilliseconds = at }
            let name = try EmergencyResponseStore.team(id: teamID, db).map { "\($0.name)（\(teamID)）" } ?? teamID
            try EmergencyResponseStore.append(.arrived, to: incident.id, at: at, actor: actor, text: "\(name)到达现场", db)
        }
    }

    /// Runs `change` on an incident that is not closed, in one write, and stores what it changed.
    private func changeOpenIncident(_ id: String, _ change: @escaping @Sendable (inout Incident, Database) throws -> Void) async throws -> Incident {
        let id = id.trimmed
        return try await store.pool.write { db in
            var incident = try Self.existingIncident(id, db)
            guard incident.status != .closed else { throw RecordServiceError.failedPrecondition("incident \(id) (\(incident.title)) is closed") }
            try change(&incident, db)
            try EmergencyResponseStore.update(incident, db)
            return incident
        }
    }

    static func existingIncident(_ id: String, _ db: Database) throws -> Incident {
        guard let incident = try EmergencyResponseStore.incident(id: id, db) else {
            throw RecordServiceError.notFound("no incident \"\(id)\" on this node")
        }
        return incident
    }

    func validated(_ incident: Incident, now: Int64) throws -> Incident {
        var incident = incident
        let place = try tree.region(incident.regionCode)
        guard RegionRange(subtreeOf: region).contains(place.code) else {
            throw InvalidRecord("region: \(place) is outside this node's jurisdiction (\(region.code) \(region.name))")
        }
        incident.regionCode = place.code
        if incident.latitude == 0 && incident.longitude == 0 {
            let seat = try tree.location(of: place.code).coordinate
            incident.latitude = seat.latitude
            incident.longitude = seat.longitude
        } else {
            _ = try Self.point(incident.latitude, incident.longitude)
        }
        incident.title = try incident.title.required("title")
        try Self.checkPeople([("affected", incident.affected), ("dead", incident.dead), ("injured", incident.injured), ("missing", incident.missing)])
        if incident.reportedAtMilliseconds == 0 { incident.reportedAtMilliseconds = now }
        guard incident.reportedAtMilliseconds > 0, incident.reportedAtMilliseconds <= now + Self.clockSkewMilliseconds else {
            throw InvalidRecord("reported at \(incident.reportedAtMilliseconds) is in the future (the node's clock says \(now))")
        }
        incident.id = ""
        incident.status = .reported
        incident.firstArrivalMilliseconds = 0
        incident.closedAtMilliseconds = 0
        incident.reporter = incident.reporter.trimmed
        incident.reportKey = incident.reportKey.trimmed
        return incident
    }

    /// 事件报告: what, how grave, which response, the counts.
    static func reportText(_ incident: Incident) -> String {
        "\(incident.title)（\(incident.kind.chineseName)，\(incident.severity.chineseName)，\(incident.responseLevel.chineseName)响应）；"
            + "受影响 \(incident.affected) 人，死亡 \(incident.dead)，受伤 \(incident.injured)，失联 \(incident.missing)"
    }

    /// e.g. 受影响 120 人，死亡 0，受伤 3，失联 2；响应 III → II 级；<note>.
    static func fieldReportText(_ report: FieldReport, before: Incident) -> String {
        var counts: [String] = []
        if let affected = report.affected { counts.append("受影响 \(affected) 人") }
        if let dead = report.dead { counts.append("死亡 \(dead)") }
        if let injured = report.injured { counts.append("受伤 \(injured)") }
        if let missing = report.missing { counts.append("失联 \(missing)") }
        var parts = counts.isEmpty ? [] : [counts.joined(separator: "，")]
        if let level = report.responseLevel, level != before.responseLevel {
            parts.append("响应 \(before.responseLevel.name) → \(level.name) 级")
        }
        if !report.note.isEmpty { parts.append(report.note) }
        return parts.joined(separator: "；")
    }

    /// More people than live in any Chinese province: a count above it is a typo or an attack, not a report.
    static let maximumPeople: Int64 = 100_000_000

    /// The counts of people an incident or a field report gives (absent ones aside): 0…`maximumPeople`.
    static func checkPeople(_ counts: [(String, Int64?)]) throws {
        for case let (name, count?) in counts where count < 0 || count > maximumPeople {
            throw InvalidRecord(count < 0 ? "\(name) \(count) is negative" : "\(name) \(count) is over \(maximumPeople) people")
        }
    }
}
