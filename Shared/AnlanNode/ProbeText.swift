import Foundation
import AnlanRecords
import AnlanRegions

/// Text every probe prints the same way.
public enum ProbeText {
    /// The name of a region of Zhejiang, or "" for a code the tree does not hold: printed beside the code.
    public static func regionName(_ code: String) -> String {
        (try? RegionTree.zhejiang.region(code).name) ?? ""
    }

    /// The line after a listed page: how many records it showed and, when more follow, how to ask for them.
    public static func footer<Record>(_ page: RecordPage<Record>) -> String {
        "\(page.records.count) shown" + (page.nextCursor.isEmpty ? "" : "; next page: --cursor '\(page.nextCursor)'")
    }
}

extension ProbeText {
    /// Unix milliseconds as the node's local time, e.g. 2026-06-21 14:05:00.
    public static func time(milliseconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }
}
