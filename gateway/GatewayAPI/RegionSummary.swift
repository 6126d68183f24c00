import AnlanWire
import AviationLandingAPI
import EmergencyResponseAPI
import EvacuationAPI
import HazardSurveyAPI
import MaterialReserveAPI
import TrainingRecordsAPI

/// One merged view of a region's whole subtree: the six services' mergeable statistics (counts,
/// numerators and denominators — rates are computed by whoever shows them), with how complete it is.
@WireMessage
public struct RegionSummary: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    /// When this summary was put together (Unix ms).
    @Field(2) public var asOfMilliseconds: Int64 = 0
    /// How this summary was obtained, when it stands for a child (fresh for an answer just made).
    @Field(3) public var freshness: Freshness = .fresh
    @Field(4) public var hazard: HazardStatistics = HazardStatistics()
    @Field(5) public var reserve: ReserveStatistics = ReserveStatistics()
    @Field(6) public var landing: LandingStatistics = LandingStatistics()
    @Field(7) public var training: TrainingStatistics = TrainingStatistics()
    /// Per tier below the answering node: nodes reporting fresh figures / nodes expected.
    @Field(8) public var coverage: [TierCoverage] = []
    /// The child regions with gateways of their own, and how each was obtained.
    @Field(9) public var children: [PartStatus] = []
    /// The node's own services, and whether each answered.
    @Field(10) public var services: [PartStatus] = []
    /// Coded people and their transfers under the warnings in force, shelters and their occupancy.
    @Field(11) public var evacuation: EvacuationStatistics = EvacuationStatistics()
    /// Rescue teams by kind and readiness, open incidents by level, time from report to first team.
    @Field(12) public var response: EmergencyStatistics = EmergencyStatistics()

    /// Adds `other`'s statistics to these (labels, coverage and statuses stay this one's).
    public mutating func mergeStatistics(_ other: RegionSummary) {
        mergeStatistics(contentsOf: CollectionOfOne(other))
    }

    /// Adds every part's statistics to these, each kind summed once (not once per part).
    public mutating func mergeStatistics(contentsOf parts: some Collection<RegionSummary>) {
        hazard.merge(contentsOf: parts.lazy.map(\.hazard))
        reserve.merge(contentsOf: parts.lazy.map(\.reserve))
        landing.merge(contentsOf: parts.lazy.map(\.landing))
        training.merge(contentsOf: parts.lazy.map(\.training))
        evacuation.merge(contentsOf: parts.lazy.map(\.evacuation))
        response.merge(contentsOf: parts.lazy.map(\.response))
    }

    /// Whether `other` has the same figures and coverage (its time, labels and statuses aside).
    public func hasSameFigures(as other: RegionSummary) -> Bool {
        hazard == other.hazard && reserve == other.reserve && landing == other.landing && training == other.training
            && evacuation == other.evacuation && response == other.response && coverage == other.coverage
    }

    /// Every node expected below, and how many reported: the sums over `coverage`.
    public var nodesReporting: Int64 { coverage.reduce(0) { $0 + $1.reporting } }
    public var nodesExpected: Int64 { coverage.reduce(0) { $0 + $1.expected } }
}
