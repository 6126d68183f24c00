import Foundation
import Testing
import AnlanRegions

/// The shipped Zhejiang tree: counts, lookups, relations, code normalisation and locations.
@Suite struct ZhejiangTreeTests {
    let tree = RegionTree.zhejiang

    @Test func countsPerTier() {
        #expect(tree.count == 1_461)
        #expect(tree.allRegions.count == 1_461)
        #expect(tree.regions(at: .province).count == 1)
        #expect(tree.regions(at: .city).count == 11)
        #expect(tree.regions(at: .county).count == 90)
        #expect(tree.regions(at: .township).count == 1_359)
        #expect(tree.regions(at: .township).allSatisfy { $0.tier == .township && $0.code.utf8.count == 12 })
    }

    @Test func rootIsZhejiang() {
        #expect(tree.root.code == "330000")
        #expect(tree.root.name == "浙江省")
        #expect(tree.root.tier == .province)
        #expect(tree.root.parentCode == nil)
        #expect(tree.allRegions.first == tree.root)
    }

    @Test func lookupByCode() throws {
        let hangzhou = try tree.region("330100")
        #expect(hangzhou.name == "杭州市")
        #expect(hangzhou.tier == .city)
        #expect(hangzhou.parentCode == "330000")

        let xihu = try tree.region("330106")
        #expect(xihu.name == "西湖区")
        #expect(xihu.tier == .county)
        #expect(xihu.parentCode == "330100")

        let beishan = try tree.region("330106002000")
        #expect(beishan.name == "北山街道")
        #expect(beishan.tier == .township)
        #expect(beishan.parentCode == "330106")
        #expect(beishan.coordinate == nil)

        let ningbo = try tree.region("330200")
        #expect(ningbo.name == "宁波市")
        #expect(tree.contains("330203002000"))
        #expect(!tree.contains("330199"))
    }

    @Test func parentLinks() throws {
        #expect(try tree.parent(of: "330106")?.code == "330100")
        #expect(try tree.parent(of: "330100")?.code == "330000")
        #expect(try tree.parent(of: "330106002000")?.name == "西湖区")
        #expect(try tree.parent(of: "330000") == nil)
    }

    @Test func childrenInFileOrder() throws {
        let hangzhouCounties = try tree.children(of: "330100")
        #expect(hangzhouCounties.count == 13)
        #expect(hangzhouCounties.allSatisfy { $0.tier == .county && $0.parentCode == "330100" })
        #expect(hangzhouCounties.first?.name == "上城区")

        let xihuTownships = try tree.children(of: "330106")
        #expect(xihuTownships.count == 12)
        #expect(xihuTownships.first?.code == "330106002000")
        #expect(xihuTownships.first?.name == "北山街道")
        #expect(xihuTownships.map(\.code) == xihuTownships.map(\.code).sorted())

        #expect(try tree.children(of: "330000").count == 11)
        #expect(try tree.children(of: "330106002000").isEmpty)
    }

    @Test func longgangHasNoTownships() throws {
        let longgang = try tree.region("330383")
        #expect(longgang.name == "龙港市")
        #expect(longgang.tier == .county)
        #expect(try tree.children(of: "330383").isEmpty)
        #expect(try tree.descendants(of: "330383").isEmpty)
        // It keeps what belongs to a township: a leaf, among 温州市's and the province's leaves.
        #expect(try tree.isLeaf("330383") && tree.isLeaf("330106002000") && !tree.isLeaf("330106"))
        #expect(try tree.leaves(under: "330383").map(\.code) == ["330383"])
        #expect(try tree.leaves(under: "330300").contains { $0.code == "330383" })
        #expect(try tree.leaves(under: "330000").count == 1_359 + 1)
    }

    @Test func ancestorsNearestFirst() throws {
        #expect(try tree.ancestors(of: "330106002000").map(\.code) == ["330106", "330100", "330000"])
        #expect(try tree.ancestors(of: "330106").map(\.code) == ["330100", "330000"])
        #expect(try tree.ancestors(of: "330000").isEmpty)
    }

    @Test func subtreeMembership() {
        #expect(tree.isInSubtree("330106002000", of: "330106"))
        #expect(tree.isInSubtree("330106002000", of: "330100"))
        #expect(tree.isInSubtree("330106002000", of: "330000"))
        #expect(tree.isInSubtree("330106", of: "330106"))  // its own subtree
        #expect(tree.isInSubtree("330106002", of: "330100"))  // 9-digit form accepted

        #expect(!tree.isInSubtree("330106", of: "330102"))  // sibling county
        #expect(!tree.isInSubtree("330200", of: "330100"))  // sibling city
        #expect(!tree.isInSubtree("330203002000", of: "330100"))  // Ningbo township, not Hangzhou
        #expect(!tree.isInSubtree("330100", of: "330106"))  // an ancestor is not below its descendant
        #expect(!tree.isInSubtree("330199", of: "330000"))  // unknown code
        #expect(!tree.isInSubtree("abc", of: "330000"))  // malformed code
    }

    @Test func descendantsDepthFirst() throws {
        let hangzhou = try tree.descendants(of: "330100")
        #expect(hangzhou.count == 13 + 191)
        #expect(hangzhou.allSatisfy { tree.isInSubtree($0.code, of: "330100") })
        #expect(!hangzhou.contains { $0.code == "330100" })
        // Depth first: the first county is followed directly by its own townships.
        #expect(hangzhou.prefix(2).map(\.code) == ["330102", "330102001000"])
        #expect(try tree.descendants(of: "330106").count == 12)
        #expect(try tree.descendants(of: "330000").count == 1_460)
    }

    @Test func countyOf() throws {
        #expect(try tree.county(of: "330106002000")?.code == "330106")
        #expect(try tree.county(of: "330106")?.code == "330106")
        #expect(try tree.county(of: "330100") == nil)
        #expect(try tree.county(of: "330000") == nil)
    }

    @Test func unknownCodeThrows() throws {
        let error = try #require(throws: RegionError.self) { try tree.region("330199") }
        #expect(error.code == .unknownCode)
        #expect(error.description == "unknown region code \"330199\": not a Zhejiang division")

        let beijing = try #require(throws: RegionError.self) { try tree.region("110000") }
        #expect(beijing.code == .unknownCode)
        let village = try #require(throws: RegionError.self) { try tree.region("330106002001") }
        #expect(village.code == .unknownCode)
        let notTownship = try #require(throws: RegionError.self) { try tree.canonicalCode("330106999") }
        #expect(notTownship.code == .unknownCode)
    }

    @Test(arguments: ["33010a", "3301", "", "3301060020001", " 330106", "３３０１０６", "330106-002"])
    func malformedCodeThrows(code: String) throws {
        let error = try #require(throws: RegionError.self) { try tree.region(code) }
        #expect(error.code == .malformedCode)
        #expect(!tree.contains(code))
    }

    @Test func codeNormalisation() throws {
        #expect(try tree.canonicalCode("330106002") == "330106002000")
        #expect(try tree.region("330106002").name == "北山街道")
        #expect(try tree.canonicalCode("330106002000") == "330106002000")
        #expect(try tree.canonicalCode("330100000000") == "330100")
        #expect(try tree.canonicalCode("330106000000") == "330106")
        #expect(try tree.canonicalCode("330000000000") == "330000")
        #expect(try tree.canonicalCode("330106") == "330106")
        #expect(tree.contains("330106002"))
    }

    @Test func townshipsWithoutPointFallBackToCounty() throws {
        let bare = tree.regions(at: .township).filter { $0.coordinate == nil }
        #expect(bare.count == 491)
        for township in bare {
            let location = try tree.location(of: township.code)
            let county = try #require(try tree.parent(of: township.code))
            #expect(location.source == .countySeat)
            #expect(location.isApproximate)
            #expect(location.coordinate == county.coordinate)
        }
        // 北山街道 has no point of its own: it gets 西湖区's.
        let beishan = try tree.location(of: "330106002000")
        #expect(beishan.coordinate == GeoCoordinate(uncheckedLatitude: 30.261749, longitude: 120.125425))
    }

    @Test func ownLocations() throws {
        let lingyin = try tree.location(of: "330106003000")  // township with a bbox-centre point
        #expect(lingyin.source == .own)
        #expect(lingyin.isApproximate)
        #expect(lingyin.coordinate == GeoCoordinate(uncheckedLatitude: 30.260311, longitude: 120.119225))

        let xihu = try tree.location(of: "330106")
        #expect(xihu.source == .own)
        #expect(!xihu.isApproximate)
        #expect(xihu.coordinate == GeoCoordinate(uncheckedLatitude: 30.261749, longitude: 120.125425))

        #expect(tree.regions(at: .county).allSatisfy { $0.coordinate != nil })
    }

    @Test func hangzhouToNingboDistance() throws {
        let hangzhou = try #require(try tree.region("330100").coordinate)
        let ningbo = try #require(try tree.region("330200").coordinate)
        let metres = hangzhou.distance(to: ningbo)
        #expect((140_000...160_000).contains(metres))
        // Independent reference: spherical law of cosines on the same sphere.
        let rad = Double.pi / 180
        let (p1, p2) = (hangzhou.latitude * rad, ningbo.latitude * rad)
        let dl = (ningbo.longitude - hangzhou.longitude) * rad
        let reference = 6_371_008.8 * acos(sin(p1) * sin(p2) + cos(p1) * cos(p2) * cos(dl))
        #expect(abs(metres - reference) < 1)
        #expect(abs(ningbo.distance(to: hangzhou) - metres) < 1e-6)
        #expect(hangzhou.distance(to: hangzhou) == 0)
    }
}

/// `RegionTree(csv:)` validation, on small hand-written files.
@Suite struct RegionCSVTests {
    static let header = "code,name,tier,parent_code,lat,lon"
    static let validLines = [
        header,
        "330000,浙江省,province,,30.268914,120.147871",
        "330100,杭州市,city,330000,30.249340,120.205240",
        "330106,西湖区,county,330100,30.261749,120.125425",
        "330106002000,北山街道,township,330106,,",
        "330106003000,灵隐街道,township,330106,30.260311,120.119225",
    ]

    /// The valid lines with `replacement` spliced in at 1-based line `line` (replacing it, or appended).
    func csv(replacingLine line: Int? = nil, with replacement: String? = nil) -> String {
        var lines = Self.validLines
        if let line, let replacement {
            if line <= lines.count { lines[line - 1] = replacement } else { lines.append(replacement) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func dataError(_ text: String) throws -> RegionError {
        let error = try #require(throws: RegionError.self) { try RegionTree(csv: text) }
        #expect(error.code == .malformedData)
        return error
    }

    @Test func validFileLoads() throws {
        let tree = try RegionTree(csv: csv())
        #expect(tree.count == 5)
        #expect(tree.root.code == "330000")
        #expect(try tree.children(of: "330106").map(\.name) == ["北山街道", "灵隐街道"])
        // CRLF line ends and no final newline are accepted too.
        let crlf = try RegionTree(csv: Self.validLines.joined(separator: "\r\n"))
        #expect(try crlf.region("330106003000").name == "灵隐街道")
    }

    @Test func rejectsBadLineNamingItsNumber() throws {
        let error = try dataError(csv(replacingLine: 4, with: "330106,西湖区,county,330100,30.26"))
        #expect(error.line == 4)
        #expect(error.message.contains("line 4"))
        #expect(error.message.contains("found 5"))
    }

    @Test func rejectsQuotedField() throws {
        let error = try dataError(csv(replacingLine: 3, with: "330100,\"杭州市\",city,330000,30.2,120.2"))
        #expect(error.line == 3)
        #expect(error.message.contains("quoted"))
    }

    @Test func rejectsWrongHeader() throws {
        let error = try dataError(csv(replacingLine: 1, with: "code,name,level,parent_code,lat,lon"))
        #expect(error.line == 1)
    }

    @Test func rejectsUnknownTier() throws {
        let error = try dataError(csv(replacingLine: 3, with: "330100,杭州市,prefecture,330000,30.2,120.2"))
        #expect(error.line == 3)
        #expect(error.message.contains("prefecture"))
    }

    @Test func rejectsMissingParent() throws {
        let error = try dataError(csv(replacingLine: 7, with: "330108,滨江区,county,330900,30.2,120.2"))
        #expect(error.line == 7)
        #expect(error.message.contains("330900"))
        #expect(error.message.contains("does not exist"))
    }

    @Test func rejectsParentTwoTiersUp() throws {
        let error = try dataError(csv(replacingLine: 7, with: "330108,滨江区,county,330000,30.2,120.2"))
        #expect(error.line == 7)
        #expect(error.message.contains("expected a city"))
    }

    @Test func rejectsDuplicateCode() throws {
        let error = try dataError(csv(replacingLine: 7, with: "330106,西湖区二,county,330100,30.2,120.2"))
        #expect(error.line == 7)
        #expect(error.message.contains("first on line 4"))
    }

    @Test func rejectsOutOfRangeCoordinate() throws {
        let error = try dataError(csv(replacingLine: 6, with: "330106003000,灵隐街道,township,330106,95.0,120.1"))
        #expect(error.line == 6)
        #expect(error.message.contains("latitude"))
    }

    @Test func rejectsTownshipCodeOutsideItsCounty() throws {
        let error = try dataError(csv(replacingLine: 7, with: "330102001000,清波街道,township,330106,,"))
        #expect(error.line == 7)
    }

    @Test func rejectsEmptyAndHeaderOnly() throws {
        #expect(try dataError("").line == nil)
        #expect(try dataError(Self.header + "\n").message.contains("no province"))
    }
}

@Suite struct GeoCoordinateTests {
    @Test func validationRejectsOutOfRangeAndNaN() throws {
        #expect(throws: RegionError.self) { try GeoCoordinate(latitude: 90.5, longitude: 120) }
        #expect(throws: RegionError.self) { try GeoCoordinate(latitude: 30, longitude: -180.1) }
        #expect(throws: RegionError.self) { try GeoCoordinate(latitude: .nan, longitude: 120) }
        #expect(throws: RegionError.self) { try GeoCoordinate(latitude: 30, longitude: .infinity) }
        let ok = try GeoCoordinate(latitude: -90, longitude: 180)
        #expect(ok.latitude == -90 && ok.longitude == 180)
    }

    @Test func codableRoundTripAndValidation() throws {
        let point = try GeoCoordinate(latitude: 30.25, longitude: 120.2)
        let data = try JSONEncoder().encode(point)
        #expect(try JSONDecoder().decode(GeoCoordinate.self, from: data) == point)
        let bad = Data(#"{"latitude": 91, "longitude": 120}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(GeoCoordinate.self, from: bad) }
    }

    @Test func quarterMeridian() {
        // Equator to pole along a meridian is a quarter of the circumference: πR/2.
        let equator = GeoCoordinate(uncheckedLatitude: 0, longitude: 0)
        let pole = GeoCoordinate(uncheckedLatitude: 90, longitude: 0)
        #expect(abs(equator.distance(to: pole) - Double.pi * 6_371_008.8 / 2) < 1e-3)
    }
}

@Suite struct TierTests {
    @Test func rawValuesNamesAndOrder() throws {
        #expect(Tier.allCases.map(\.rawValue) == [1, 2, 3, 4])
        #expect(Tier.allCases.map(\.name) == ["province", "city", "county", "township"])
        #expect(Tier.allCases.allSatisfy { Tier(name: $0.name) == $0 })
        #expect(Tier(name: "village") == nil)
        #expect(Tier.province < Tier.township)
        #expect(Tier.county.parent == .city)
        #expect(Tier.province.parent == nil)
        #expect(Tier.county.child == .township)
        #expect(Tier.township.child == nil)
        #expect(String(decoding: try JSONEncoder().encode(Tier.county), as: UTF8.self) == "3")
    }
}
