import Foundation
import AnlanRecords
import AnlanRegions
import HazardSurveyAPI

/// Checks records before they are stored, from a request or a CSV row alike, and normalises them
/// (canonical region codes, upper-case credit codes, trimmed text). Every failure is a `InvalidRecord`
/// whose message says what is wrong with which value.
package struct HazardValidator: Sendable {
    let tree: RegionTree
    /// The node's region: every record must lie in its subtree.
    let scope: Region
    let scopeRange: RegionRange
    let configuration: HazardSurveyConfiguration

    package init(tree: RegionTree, scope: Region, configuration: HazardSurveyConfiguration) {
        self.tree = tree
        self.scope = scope
        self.scopeRange = RegionRange(subtreeOf: scope)
        self.configuration = configuration
    }

    /// The region a query or statistics request names ("" = the node's own), with its subtree range.
    func subtree(_ code: String) throws(InvalidRecord) -> (region: Region, range: RegionRange) {
        let region = code.isEmpty ? scope : try self.region(code)
        return (region, RegionRange(subtreeOf: region))
    }

    /// A region in this node's subtree.
    func region(_ code: String, field: String = "region") throws(InvalidRecord) -> Region {
        let region: Region
        do {
            region = try tree.region(code.trimmed)
        } catch {
            throw InvalidRecord("\(field): \(error)")
        }
        guard scopeRange.contains(region.code) else {
            throw InvalidRecord("\(field): \(region) is outside this node's region \(scope)")
        }
        return region
    }

    func id(_ id: String, of what: String) throws(InvalidRecord) -> String {
        let id = id.trimmed
        guard !id.isEmpty else { throw InvalidRecord("\(what) id is empty") }
        guard id.utf8.count <= 64 else { throw InvalidRecord("\(what) id \"\(id.prefix(20))…\" is longer than 64 bytes") }
        guard !id.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else {
            throw InvalidRecord("\(what) id contains control characters")
        }
        return id
    }

    /// The most people one hazard point may put at risk (10⁸).
    static let maximumPopulation: Int64 = 100_000_000

    func band(_ band: UInt8) throws(InvalidRecord) -> UInt8 {
        guard band >= 1, Int(band) <= configuration.riskBands.count else {
            throw InvalidRecord("risk band \(band) is not 1…\(configuration.riskBands.count) (\(configuration.riskBands.joined(separator: ", ")))")
        }
        return band
    }

    func notInFuture(_ day: CivilDay?, _ field: String) throws(InvalidRecord) {
        if let day, day > configuration.today() {
            throw InvalidRecord("\(field) \(day) is in the future (today is \(configuration.today()))")
        }
    }

    func phone(_ phone: String) throws(InvalidRecord) -> String {
        let phone = phone.trimmed
        guard phone.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x20 }) else {
            throw InvalidRecord("phone \"\(phone)\" may contain only digits, spaces, + and -")
        }
        return phone
    }

    // MARK: Records

    package func point(_ point: HazardPoint) throws(InvalidRecord) -> HazardPoint {
        var point = point
        point.id = try id(point.id, of: "hazard point")
        let region = try region(point.regionCode)
        // A county without townships (龙港市 governs its communities directly) keeps its points itself.
        guard region.tier >= .county, (try? tree.isLeaf(region.code)) == true else {
            throw InvalidRecord("region: a hazard point carries its township's code (a county's only if it has no townships); \(region) is a \(region.tier.name)")
        }
        point.regionCode = region.code
        do {
            _ = try GeoCoordinate(latitude: point.latitude, longitude: point.longitude)
        } catch {
            throw InvalidRecord("coordinates: \(error)")
        }
        point.band = try band(point.band)
        guard point.populationAtRisk >= 0 else { throw InvalidRecord("population at risk \(point.populationAtRisk) is negative") }
        // A cap far above any real place keeps every sum of a province's points well inside Int64.
        guard point.populationAtRisk <= Self.maximumPopulation else {
            throw InvalidRecord("population at risk \(point.populationAtRisk) is over \(Self.maximumPopulation) for one point")
        }
        guard point.registeredForTransfer >= 0 else {
            throw InvalidRecord("people registered for transfer \(point.registeredForTransfer) is negative")
        }
        guard point.registeredForTransfer <= point.populationAtRisk else {
            throw InvalidRecord("people registered for transfer (\(point.registeredForTransfer)) exceed the population at risk (\(point.populationAtRisk))")
        }
        point.responsiblePerson = try point.responsiblePerson.required("responsible person")
        point.responsiblePhone = try phone(point.responsiblePhone)
        try notInFuture(point.surveyedOn, "survey date")
        point.sourceDepartment = point.sourceDepartment.trimmed
        return point
    }

    package func enterprise(_ enterprise: Enterprise) throws(InvalidRecord) -> Enterprise {
        var enterprise = enterprise
        enterprise.id = try id(enterprise.id, of: "enterprise")
        enterprise.name = try enterprise.name.required("name")
        enterprise.creditCode = try UnifiedSocialCreditCode.validate(enterprise.creditCode.trimmed)
        enterprise.regionCode = try region(enterprise.regionCode).code
        enterprise.gradeHistory = []
        return enterprise
    }

    /// Checks a hidden hazard's own fields; `regionCode` must already be filled (from the enterprise if need be).
    package func hiddenHazard(_ hazard: HiddenHazard) throws(InvalidRecord) -> HiddenHazard {
        var hazard = hazard
        hazard.id = try id(hazard.id, of: "hidden hazard")
        let region = try region(hazard.regionCode)
        hazard.regionCode = region.code
        hazard.enterpriseID = hazard.enterpriseID.trimmed
        hazard.location = hazard.location.trimmed
        guard !hazard.enterpriseID.isEmpty || !hazard.location.isEmpty else {
            throw InvalidRecord("a hidden hazard needs an enterprise or a location")
        }
        hazard.description = try hazard.description.required("description")
        hazard.category = hazard.category.trimmed
        guard let discovered = hazard.discoveredOn else { throw InvalidRecord("discovery date is required") }
        try notInFuture(discovered, "discovery date")
        hazard.discoveredBy = try hazard.discoveredBy.required("discovered by")
        guard let tier = Tier(rawValue: hazard.supervisingTier) else {
            throw InvalidRecord("supervising tier \(hazard.supervisingTier) is not 1 (province), 2 (city), 3 (county) or 4 (township)")
        }
        guard tier <= region.tier else {
            throw InvalidRecord("supervising tier \(tier.name) is below the hazard's region \(region) (a \(region.tier.name))")
        }
        hazard.history = []
        hazard.overdue = false
        return hazard
    }
}
