import AnlanRecords
import AnlanRegions
import EvacuationAPI

extension Evacuation {
    /// Records a warning that covers this node and creates, once, the transfer task of every person
    /// of the node it concerns (by risk kind, and by vulnerability for the levels that move the
    /// vulnerable only). Issuing the same id again changes nothing and answers it as recorded.
    ///
    /// A warning that replaces another lifts it; people already moved (or called) under the one replaced
    /// keep their state in the new one.
    @discardableResult
    public func issueWarning(_ warning: Warning) async throws -> Warning {
        let warning = try validating { try validated(warning) }
        let covered = try validating { try coveredRanges(of: warning) }
        guard !covered.isEmpty else {
            throw RecordServiceError.invalidArgument("warning \(warning.id) covers none of this node's region \(region)")
        }
        let moves = configuration.moves(warning.level)
        let now = clock()
        let issued = try await store.pool.write { db -> Warning in
            if let existing = try EvacuationStore.warning(id: warning.id, db) { return existing }
            var recorded = warning
            recorded.status = .active
            recorded.replacedBy = ""
            try EvacuationStore.insert(recorded, db)
            if !warning.replaces.isEmpty { try EvacuationStore.markReplaced(warning.replaces, by: warning.id, db) }
            if moves.vulnerable {
                recorded.tasksCreated = try EvacuationStore.createTasks(
                    for: warning.id, in: covered, kinds: warning.hazard.riskKinds, vulnerableOnly: !moves.everyone,
                    carryingOver: warning.replaces, at: now, db)
                try EvacuationStore.setTasks(recorded.tasksCreated, of: warning.id, db)
            }
            return recorded
        }
        logger.info("warning recorded", metadata: ["warning": "\(issued.id)", "level": "\(issued.level)", "tasks": "\(issued.tasksCreated)"])
        return issued
    }

    /// Records a CAP 1.2 alert (Alert or Update: a warning issued by this node's tier; Cancel: the
    /// warning it references lifted).
    public func importCAP(_ document: CAPDocument) async throws -> Warning {
        switch try validating({ try CAPWarnings.instruction(from: document.xml, issuerRegion: region.code) }) {
        case .issue(let warning): return try await issueWarning(warning)
        case .lift(let id): return try await liftWarning(LiftRequest(warningID: id, issuerRegion: region.code))
        }
    }

    /// The warning as a CAP 1.2 document.
    public func exportCAP(id: String) async throws -> CAPDocument {
        let warning = try await self.warning(id: id)
        return CAPDocument(xml: CAPWarnings.document(for: warning, sender: "anlan-\(region.code)"))
    }

    /// Lifts a warning: its people may return; its tasks leave the lists.
    public func liftWarning(_ request: LiftRequest) async throws -> Warning {
        let id = request.warningID.trimmed
        let lifter = try validating { try tree.region(request.issuerRegion.isEmpty ? region.code : request.issuerRegion) }
        return try await store.pool.write { db in
            guard var warning = try EvacuationStore.warning(id: id, db) else {
                throw RecordServiceError.notFound("no warning \"\(id)\" on this node")
            }
            guard tree.isInSubtree(warning.issuerRegion, of: lifter.code) else {
                throw RecordServiceError.invalidArgument("\(lifter) did not issue warning \(id) and does not govern its issuer \(warning.issuerRegion)")
            }
            if warning.status == .active {
                warning.status = .lifted
                try EvacuationStore.setStatus(.lifted, of: id, db)
            }
            return warning
        }
    }

    public func warning(id: String) async throws -> Warning {
        let id = id.trimmed
        guard let warning = try await store.pool.read({ db in try EvacuationStore.warning(id: id, db) }) else {
            throw RecordServiceError.notFound("no warning \"\(id)\" on this node")
        }
        return warning
    }

    /// The warnings the node holds, newest first.
    public func warnings(_ query: WarningQuery) async throws -> RecordPage<Warning> {
        guard query.limit <= 1000 else { throw RecordServiceError.invalidArgument("limit \(query.limit) is over 1000") }
        let limit = query.limit == 0 ? 100 : Int(query.limit)
        let now = clock()
        let page = try await store.pool.read { db in
            try EvacuationStore.warnings(activeAt: query.activeOnly ? now : nil, after: query.cursor, limit: limit + 1, db)
        }
        let records = Array(page.prefix(limit))
        return RecordPage(records: records, nextCursor: page.count > limit ? records.last.map(EvacuationStore.cursor(of:)) ?? "" : "")
    }

    func validated(_ warning: Warning) throws -> Warning {
        var warning = warning
        warning.id = try warning.id.required("id")
        guard !warning.id.contains(where: { $0 == " " || $0 == "," || $0 == "<" || $0 == "&" }) else {
            throw InvalidRecord("id: may not contain spaces, commas, < or & (CAP identifiers)")
        }
        let issuer = try tree.region(warning.issuerRegion)
        warning.issuerRegion = issuer.code
        guard !warning.regionCodes.isEmpty else { throw InvalidRecord("regions: a warning covers at least one region") }
        warning.regionCodes = try warning.regionCodes.map { code in
            let covered = try tree.region(code)
            guard tree.isInSubtree(covered.code, of: issuer.code) else {
                throw InvalidRecord("regions: \(issuer) does not govern \(covered)")
            }
            return covered.code
        }
        guard [3, 6, 24, 48].contains(warning.leadTimeHours) else {
            throw InvalidRecord("lead time: \(warning.leadTimeHours) h is not one of the bands 3, 6, 24, 48")
        }
        if warning.issuedAtMilliseconds == 0 { warning.issuedAtMilliseconds = clock() }
        if warning.validFromMilliseconds == 0 { warning.validFromMilliseconds = warning.issuedAtMilliseconds }
        if warning.validToMilliseconds == 0 { warning.validToMilliseconds = warning.validFromMilliseconds + 48 * 3_600_000 }
        guard warning.validToMilliseconds > warning.validFromMilliseconds else { throw InvalidRecord("valid to is not after valid from") }
        warning.replaces = warning.replaces.trimmed
        warning.tasksCreated = 0
        return warning
    }

    /// The parts of this node's subtree a warning covers: the node's whole range when it covers the
    /// node or an ancestor, else each covered region inside the node.
    func coveredRanges(of warning: Warning) throws -> [RegionRange] {
        var ranges: [RegionRange] = []
        for code in warning.regionCodes {
            if tree.isInSubtree(region.code, of: code) { return [RegionRange(subtreeOf: region)] }
            if tree.isInSubtree(code, of: region.code) { ranges.append(RegionRange(subtreeOf: try tree.region(code))) }
        }
        return ranges
    }
}
