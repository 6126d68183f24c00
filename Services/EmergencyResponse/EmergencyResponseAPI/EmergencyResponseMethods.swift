import AnlanRPC
import AnlanRecords
import AnlanWire

/// The emergency-response service's methods (ids 0x0800–0x08FF).
@WireMethods
public enum EmergencyResponseMethods {
    /// Adds or replaces a team commanded by this node; answers it as stored. Its readiness and
    /// deployment stay the node's when it exists.
    /// Fails with `invalidArgument` (id, name, no or unknown specialty, headcount, coordinates, a base outside the node, equipment not in the catalogue, an aviation team without a helicopter class); `failedPrecondition` for a team commanded by another node.
    public static let putTeam = RPCMethod<RescueTeam, RescueTeam>(id: 0x0801, name: "response.team.put", access: .maintain)
    /// Fails with `notFound`.
    public static let getTeam = RPCMethod<RecordID, RescueTeam>(id: 0x0802, name: "response.team.get", access: .read)
    /// Fails with `notFound`; `failedPrecondition` while the team is deployed.
    public static let deleteTeam = RPCMethod<RecordID, EmptyMessage>(id: 0x0803, name: "response.team.delete", access: .maintain)
    /// Fails with `invalidArgument` (region, cursor, limit over 1000).
    public static let listTeams = RPCMethod<TeamQuery, RecordPage<RescueTeam>>(id: 0x0804, name: "response.team.list", access: .read)
    /// Fails with `invalidArgument` (`deployed` is set by deployments only), `notFound`; `failedPrecondition` while the team is deployed.
    public static let setReadiness = RPCMethod<ReadinessChange, RescueTeam>(id: 0x0805, name: "response.team.readiness", access: .command)
    /// Adds or replaces a kind of equipment in the catalogue.
    /// Fails with `invalidArgument` (code, name).
    public static let putEquipment = RPCMethod<EquipmentItem, EquipmentItem>(id: 0x0806, name: "response.equipment.put", access: .maintain)
    /// The whole catalogue in one page.
    /// —.
    public static let listEquipment = RPCMethod<EmptyMessage, RecordPage<EquipmentItem>>(id: 0x0807, name: "response.equipment.list", access: .read)
    /// Records an incident in the node's subtree and opens its timeline; a repeated report key answers the first incident.
    /// Fails with `invalidArgument` (a region outside the node's jurisdiction, coordinates, title, counts, a time in the future).
    public static let reportIncident = RPCMethod<Incident, Incident>(id: 0x0811, name: "response.incident.report", access: .field)
    /// An incident and its timeline.
    /// Fails with `notFound`.
    public static let getIncident = RPCMethod<RecordID, IncidentRecord>(id: 0x0812, name: "response.incident.get", access: .read)
    /// Fails with `invalidArgument` (region, cursor, limit over 1000).
    public static let listIncidents = RPCMethod<IncidentQuery, RecordPage<Incident>>(id: 0x0813, name: "response.incident.list", access: .read)
    /// 码上报: new counts and a note.
    /// Fails with `invalidArgument` (negative counts, no reporter), `notFound`; `failedPrecondition` once closed.
    public static let fieldReport = RPCMethod<FieldReport, Incident>(id: 0x0814, name: "response.incident.field-report", access: .field)
    /// reported → responding (again while responding: the note is appended, the status stays).
    /// Fails with `notFound`; `failedPrecondition` once closed.
    public static let respond = RPCMethod<IncidentStep, Incident>(id: 0x0815, name: "response.incident.respond", access: .command)
    /// reported or responding → closed.
    /// Fails with `notFound`; `failedPrecondition` when closed already.
    public static let close = RPCMethod<IncidentStep, Incident>(id: 0x0816, name: "response.incident.close", access: .command)
    /// A team reached the scene; the first arrival is the incident's time to first team.
    /// Fails with `invalidArgument` (no team, a time before the report), `notFound`; `failedPrecondition` once closed.
    public static let arrival = RPCMethod<ArrivalReport, Incident>(id: 0x0817, name: "response.incident.arrival", access: .field)
    /// The node's teams on standby with any of the specialties, nearest first.
    /// Fails with `invalidArgument` (coordinates, no specialty, limit over 1000).
    public static let candidates = RPCMethod<TeamSearch, TeamCandidates>(id: 0x0821, name: "response.team.candidates", access: .read)
    /// Sends a team (standby → deployed), once per key, written to disk before it is acknowledged.
    /// Fails with `invalidArgument` (no key, team or incident), `notFound` (team); `failedPrecondition` when the team is not on standby, or the key's deployment has ended; `alreadyExists` when the key names another team or incident.
    public static let deploy = RPCMethod<Deployment, Deployment>(id: 0x0822, name: "response.team.deploy", access: .command)
    /// Ends a deployment (deployed → standby), once per key.
    /// Fails with `invalidArgument` (no key), `notFound` (no deployment with the key).
    public static let release = RPCMethod<ReleaseRequest, Deployment>(id: 0x0823, name: "response.team.release", access: .command)
    /// A deployment by its key.
    /// Fails with `notFound`.
    public static let getDeployment = RPCMethod<RecordID, Deployment>(id: 0x0824, name: "response.deployment.get", access: .read)
    /// Mergeable figures of a subtree for roll-up.
    /// Fails with `invalidArgument`.
    public static let statistics = RPCMethod<ResponseStatisticsQuery, EmergencyStatistics>(id: 0x0831, name: "response.stats", access: .read)
    /// Fails with `invalidArgument` (empty file, missing columns); bad rows are reported in the answer.
    public static let importCSV = RPCMethod<EmergencyImportRequest, ImportReport>(id: 0x0841, name: "response.import", access: .maintain)
    /// Streamed: `CSVChunk`s, the first starting with the header.
    /// Fails with `invalidArgument`.
    public static let exportCSV = RPCMethod<EmergencyExportRequest, CSVChunk>(id: 0x0842, name: "response.export", streaming: true, access: .read)
}
