import AnlanRecords
import AnlanRegions
import EmergencyResponseAPI
import GRDB

/// Candidates and deployments (出动): a team on standby is sent once per idempotency key and comes
/// back on release. Each step is one write transaction, committed before it is answered, so an
/// acknowledged deployment survives a crash and a retry after one changes nothing.
extension EmergencyResponse {
    /// The teams on standby with any of the specialties, nearest first (then by id).
    public func candidates(_ search: TeamSearch) async throws -> TeamCandidates {
        let point = try validating { () throws(InvalidRecord) -> GeoCoordinate in
            guard !search.specialties.isEmpty else { throw InvalidRecord("specialties: a search names at least one") }
            return try Self.point(search.latitude, search.longitude)
        }
        let limit = try Self.pageSize(search.limit)
        let teams = try await store.pool.read { db in try EmergencyResponseStore.standbyTeams(withAnyOf: search.specialties, db) }
        let ranked = teams.map { team in
            TeamCandidate(team: team, distanceKilometres: point.distance(
                to: GeoCoordinate(uncheckedLatitude: team.latitude, longitude: team.longitude)) / 1000)
        }.sorted { ($0.distanceKilometres, $0.team.id) < ($1.distanceKilometres, $1.team.id) }
        return TeamCandidates(candidates: Array(ranked.prefix(limit)), truncated: ranked.count > limit)
    }

    /// Sends a team on standby to an incident, once per key: the same key again answers the first
    /// deployment unchanged.
    @discardableResult
    public func deploy(_ deployment: Deployment) async throws -> Deployment {
        var deployment = deployment
        try validating {
            deployment.idempotencyKey = try deployment.idempotencyKey.required("idempotency key")
            deployment.teamID = try deployment.teamID.required("team")
            deployment.incidentID = try deployment.incidentID.required("incident")
        }
        deployment.actor = deployment.actor.trimmed
        deployment.state = .active
        deployment.deployedAtMilliseconds = clock()
        deployment.endedAtMilliseconds = 0
        let asked = deployment
        let sent = try await store.pool.write { db -> Deployment in
            let key = asked.idempotencyKey
            if let first = try EmergencyResponseStore.deployment(key: key, db) {
                guard first.state == .active else {
                    throw RecordServiceError.failedPrecondition("deployment \(key) has ended (\(first.state.name)); propose again")
                }
                guard first.teamID == asked.teamID, first.incidentID == asked.incidentID else {
                    throw RecordServiceError.alreadyExists(
                        "deployment \(key) sent team \(first.teamID) to \(first.incidentID), not team \(asked.teamID) to \(asked.incidentID)")
                }
                return first
            }
            let team = try Self.existingTeam(asked.teamID, db)
            guard team.readiness == .standby else {
                let state = team.readiness == .deployed ? "deployed to \(team.deployedTo) (deployment \(team.deploymentKey))" : team.readiness.name
                throw RecordServiceError.failedPrecondition("team \(team.id) (\(team.name)) is \(state), not on standby")
            }
            try EmergencyResponseStore.insert(asked, db)
            try EmergencyResponseStore.markDeployed(team: team.id, to: asked.incidentID, key: key, db)
            return asked
        }
        core.logger.info("team deployed", metadata: ["key": "\(sent.idempotencyKey)", "team": "\(sent.teamID)", "incident": "\(sent.incidentID)"])
        return sent
    }

    /// Ends a deployment: the team is back on standby. Undoing a key never seen leaves a tombstone, so
    /// a deployment that arrives late with that key is refused.
    @discardableResult
    public func release(_ request: ReleaseRequest) async throws -> Deployment {
        let key = try validating { try request.idempotencyKey.required("idempotency key") }
        let actor = request.actor.trimmed
        let now = clock()
        return try await store.pool.write { db in
            guard var deployment = try EmergencyResponseStore.deployment(key: key, db) else {
                guard request.undo else { throw RecordServiceError.notFound("no deployment \(key) on this node") }
                let tombstone = Deployment(idempotencyKey: key, actor: actor, state: .undone, endedAtMilliseconds: now)
                try EmergencyResponseStore.insert(tombstone, db)
                return tombstone
            }
            guard deployment.state == .active else { return deployment }
            deployment.state = request.undo ? .undone : .released
            deployment.endedAtMilliseconds = now
            try EmergencyResponseStore.end(key, as: deployment.state, at: now, db)
            try EmergencyResponseStore.markReleased(team: deployment.teamID, key: key, db)
            return deployment
        }
    }

    public func deployment(key: String) async throws -> Deployment {
        let key = key.trimmed
        guard let deployment = try await store.pool.read({ db in try EmergencyResponseStore.deployment(key: key, db) }) else {
            throw RecordServiceError.notFound("no deployment \(key) on this node")
        }
        return deployment
    }
}
