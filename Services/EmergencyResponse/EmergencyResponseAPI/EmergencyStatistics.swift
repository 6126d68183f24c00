import AnlanRecords
import AnlanWire

/// A region's emergency-response figures for roll-up: counts, numerators and denominators only, so a
/// parent's are the sums of its own and its children's. The mean time from report to first team is
/// `arrivalSeconds ÷ incidentsArrived`, computed by whoever shows it — never an average of averages.
@WireMessage
public struct EmergencyStatistics: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    /// Teams and headcount by kind and readiness (cells summed, empty ones dropped, sorted).
    @Field(2) public var teams: [TeamCell] = []
    /// Incidents not closed, by response level (sorted, I first).
    @Field(3) public var openIncidents: [LevelCount] = []
    /// Incidents ever reported, closed included.
    @Field(4) public var incidents: Int64 = 0
    /// Incidents a team has reached, and the sum of their seconds from report to first team.
    @Field(5) public var incidentsArrived: Int64 = 0
    @Field(6) public var arrivalSeconds: Int64 = 0
    /// The latest counts of the incidents not closed.
    @Field(7) public var affected: Int64 = 0
    @Field(8) public var dead: Int64 = 0
    @Field(9) public var injured: Int64 = 0
    @Field(10) public var missing: Int64 = 0

    public init(regionCode: String = "", teams: [TeamCell] = [], openIncidents: [LevelCount] = [], incidents: Int64 = 0,
                incidentsArrived: Int64 = 0, arrivalSeconds: Int64 = 0, affected: Int64 = 0, dead: Int64 = 0,
                injured: Int64 = 0, missing: Int64 = 0) {
        self.regionCode = regionCode
        self.teams = teams
        self.openIncidents = openIncidents
        self.incidents = incidents
        self.incidentsArrived = incidentsArrived
        self.arrivalSeconds = arrivalSeconds
        self.affected = affected
        self.dead = dead
        self.injured = injured
        self.missing = missing
        normalise()
    }

    /// Cells arrive in any order from a peer: summed and sorted like local ones.
    mutating func wireDidDecode() { normalise() }

    /// All teams, and all their people.
    public var teamCount: Int64 { teams.reduce(into: 0) { $0.addSaturating($1.teams) } }
    public var headcount: Int64 { teams.reduce(into: 0) { $0.addSaturating($1.headcount) } }
    /// All incidents not closed.
    public var openCount: Int64 { openIncidents.reduce(into: 0) { $0.addSaturating($1.open) } }

    /// Adds every part's counts to these (the region stays this one's), summing cells once at the end.
    public mutating func merge(contentsOf parts: some Sequence<EmergencyStatistics>) {
        for part in parts {
            teams += part.teams
            openIncidents += part.openIncidents
            incidents.addSaturating(part.incidents)
            incidentsArrived.addSaturating(part.incidentsArrived)
            arrivalSeconds.addSaturating(part.arrivalSeconds)
            affected.addSaturating(part.affected)
            dead.addSaturating(part.dead)
            injured.addSaturating(part.injured)
            missing.addSaturating(part.missing)
        }
        normalise()
    }

    /// Sums cells with the same key, drops empty ones and sorts, so equal figures compare equal.
    private mutating func normalise() {
        var cells: [Int: TeamCell] = [:]
        for cell in teams {
            let key = Int(cell.kind.rawValue) * 16 + Int(cell.readiness.rawValue)
            var sum = cells[key] ?? TeamCell(kind: cell.kind, readiness: cell.readiness)
            sum.teams.addSaturating(cell.teams)
            sum.headcount.addSaturating(cell.headcount)
            cells[key] = sum
        }
        teams = cells.sorted { $0.key < $1.key }.map(\.value).filter { $0.teams != 0 }
        var levels: [ResponseLevel: Int64] = [:]
        for count in openIncidents { levels[count.level, default: 0].addSaturating(count.open) }
        openIncidents = levels.sorted { $0.key < $1.key }.map { LevelCount(level: $0.key, open: $0.value) }.filter { $0.open != 0 }
    }
}
