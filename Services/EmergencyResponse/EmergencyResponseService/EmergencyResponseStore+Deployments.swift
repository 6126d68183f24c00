import EmergencyResponseAPI
import GRDB

/// Deployments and the team state they set: reads and writes inside a caller's transaction.
extension EmergencyResponseStore {
    static let deploymentColumns = "key, team, incident, latitude, longitude, actor, state, deployed_at, ended_at"

    static func deployment(key: String, _ db: Database) throws -> Deployment? {
        try Row.fetchOne(db, sql: "SELECT \(deploymentColumns) FROM deployment WHERE key = ?", arguments: [key]).map {
            Deployment(idempotencyKey: $0[0], teamID: $0[1], incidentID: $0[2], latitude: $0[3], longitude: $0[4], actor: $0[5],
                       state: DeploymentState(rawValue: $0[6]) ?? .undone, deployedAtMilliseconds: $0[7], endedAtMilliseconds: $0[8])
        }
    }

    static func insert(_ deployment: Deployment, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO deployment (\(deploymentColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", arguments: [
            deployment.idempotencyKey, deployment.teamID, deployment.incidentID, deployment.latitude, deployment.longitude,
            deployment.actor, deployment.state.rawValue, deployment.deployedAtMilliseconds, deployment.endedAtMilliseconds,
        ])
    }

    static func end(_ key: String, as state: DeploymentState, at: Int64, _ db: Database) throws {
        try db.execute(sql: "UPDATE deployment SET state = ?, ended_at = ? WHERE key = ?", arguments: [state.rawValue, at, key])
    }

    /// The team is out on the deployment `key` to `incident`.
    static func markDeployed(team id: String, to incident: String, key: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE team SET readiness = ?, deployed_to = ?, deployment_key = ? WHERE id = ?",
                       arguments: [Readiness.deployed.rawValue, incident, key, id])
    }

    /// The team is back on standby, if it is still out on the deployment `key` (not on a later one).
    static func markReleased(team id: String, key: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE team SET readiness = ?, deployed_to = '', deployment_key = '' WHERE id = ? AND deployment_key = ?",
                       arguments: [Readiness.standby.rawValue, id, key])
    }
}
