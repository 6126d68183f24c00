import AnlanRecords
import AnlanRegions
import Testing

@Suite struct RegionRangeTests {
    @Test func aSubtreeIsExactlyTheCodesWithItsPrefix() throws {
        let tree = RegionTree.zhejiang
        for code in ["330000", "330100", "330106", "330106002000"] {
            let region = try tree.region(code)
            let range = RegionRange(subtreeOf: region)
            for other in tree.allRegions {
                #expect(range.contains(other.code) == (other.code == code || tree.isInSubtree(other.code, of: code)),
                        "\(other.code) in subtree of \(code)")
            }
        }
    }

    @Test func cursorsRoundTripAndForeignTextIsRejected() throws {
        let cursor = RegionCursor(region: "330106002000", id: "HP|7")
        #expect(try RegionCursor(parsing: cursor.text) == cursor)
        #expect(try RegionCursor(parsing: "") == nil)
        #expect(throws: InvalidRecord.self) { try RegionCursor(parsing: "abc") }
    }
}
