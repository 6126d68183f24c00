import AnlanWire

/// What a CSV import did: rows seen, what happened to the good ones, and every bad row with its reason.
///
/// All good rows are committed in one transaction; bad rows change nothing. Re-importing the same file
/// reports every row `unchanged`.
@WireMessage
public struct ImportReport: Hashable, Codable, Sendable {
    /// Data rows read (the header not counted).
    @Field(1) public var rows: Int64 = 0
    @Field(2) public var inserted: Int64 = 0
    @Field(3) public var updated: Int64 = 0
    @Field(4) public var unchanged: Int64 = 0
    @Field(5) public var rejected: [RowError] = []

    /// One line per outcome, then one per rejected row: `line 7: unknown region code …`.
    public var summary: String {
        var lines = ["\(rows) rows: \(inserted) inserted, \(updated) updated, \(unchanged) unchanged, \(rejected.count) rejected"]
        lines += rejected.map { "  line \($0.line): \($0.reason)" }
        return lines.joined(separator: "\n")
    }
}
