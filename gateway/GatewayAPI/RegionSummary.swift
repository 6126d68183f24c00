import AnlanWire
import AviationLandingAPI
import HazardSurveyAPI
import MaterialReserveAPI
import TrainingRecordsAPI

/// One merged view of a region's whole subtree: the four services' mergeable statistics (counts,
/// numerators and denominators — rates are computed by whoever shows them), with how complete it is.
public struct RegionSummary: WireMessage, Hashable, Codable {
    public var regionCode: String                   // 1
    /// When this summary was put together (Unix ms).
    public var asOfMilliseconds: Int64              // 2
    /// How this summary was obtained, when it stands for a child (fresh for an answer just made).
    public var freshness: Freshness                 // 3
    public var hazard: HazardStatistics             // 4
    public var reserve: ReserveStatistics           // 5
    public var landing: LandingStatistics           // 6
    public var training: TrainingStatistics         // 7
    /// Per tier below the answering node: nodes reporting fresh figures / nodes expected.
    public var coverage: [TierCoverage]             // 8 (repeated)
    /// The child regions with gateways of their own, and how each was obtained.
    public var children: [PartStatus]               // 9 (repeated)
    /// The node's own services, and whether each answered.
    public var services: [PartStatus]               // 10 (repeated)

    public init(regionCode: String = "", asOfMilliseconds: Int64 = 0, freshness: Freshness = .fresh,
                hazard: HazardStatistics = HazardStatistics(), reserve: ReserveStatistics = ReserveStatistics(),
                landing: LandingStatistics = LandingStatistics(), training: TrainingStatistics = TrainingStatistics(),
                coverage: [TierCoverage] = [], children: [PartStatus] = [], services: [PartStatus] = []) {
        self.regionCode = regionCode
        self.asOfMilliseconds = asOfMilliseconds
        self.freshness = freshness
        self.hazard = hazard
        self.reserve = reserve
        self.landing = landing
        self.training = training
        self.coverage = coverage
        self.children = children
        self.services = services
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: asOfMilliseconds = try reader.readInt64(field)
            case 3: freshness = try reader.readEnum(field)
            case 4: hazard = try reader.readMessage(field)
            case 5: reserve = try reader.readMessage(field)
            case 6: landing = try reader.readMessage(field)
            case 7: training = try reader.readMessage(field)
            case 8: coverage.append(try reader.readMessage(field))
            case 9: children.append(try reader.readMessage(field))
            case 10: services.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, int: asOfMilliseconds)
        writer.write(3, enum: freshness)
        writer.write(4, message: hazard)
        writer.write(5, message: reserve)
        writer.write(6, message: landing)
        writer.write(7, message: training)
        writer.write(8, messages: coverage)
        writer.write(9, messages: children)
        writer.write(10, messages: services)
    }

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
    }

    /// Whether `other` has the same figures and coverage (its time, labels and statuses aside).
    public func hasSameFigures(as other: RegionSummary) -> Bool {
        hazard == other.hazard && reserve == other.reserve && landing == other.landing && training == other.training
            && coverage == other.coverage
    }

    /// Every node expected below, and how many reported: the sums over `coverage`.
    public var nodesReporting: Int64 { coverage.reduce(0) { $0 + $1.reporting } }
    public var nodesExpected: Int64 { coverage.reduce(0) { $0 + $1.expected } }
}
