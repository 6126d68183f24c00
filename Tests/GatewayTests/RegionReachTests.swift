import AnlanRegions
import Testing
@testable import GatewayService

/// Which child regions a search within a radius asks.
@Suite struct RegionReachTests {
    @Test func aRegionIsAskedOnlyWhenTheCircleCanReachIt() throws {
        let tree = RegionTree.zhejiang
        let hangzhou = try RegionReach(tree.region("330100"), in: tree)
        let ningbo = try RegionReach(tree.region("330200"), in: tree)
        // Every known place of 杭州市 lies within its own reach.
        for place in try tree.descendants(of: "330100") {
            let location = try tree.location(of: place.code)
            #expect(hangzhou.mayHold(within: 0, of: location.coordinate), "\(place)")
        }
        // A fire at 淳安县's 千岛湖, searched within 30 km: 杭州市 is asked, 宁波市 (over 200 km away) is not.
        let qiandaohu = GeoCoordinate(uncheckedLatitude: 29.6, longitude: 119.04)
        #expect(hangzhou.mayHold(within: 30, of: qiandaohu))
        #expect(!ningbo.mayHold(within: 30, of: qiandaohu))
        #expect(ningbo.mayHold(within: 400, of: qiandaohu))
    }
}
