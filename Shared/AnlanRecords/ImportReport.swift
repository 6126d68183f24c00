import AnlanWire

/// What a CSV import did: rows seen, what happened to the good ones, and every bad row with its reason.
///
/// All good rows are committed in one transaction; bad rows change nothing. Re-importing the same file
/// reports every row `unchanged`.
public struct ImportReport: WireMessage, Hashable, Codable {
    /// Data rows read (the header not counted).
    public var rows: Int64              // 1
    public var inserted: Int64          // 2
    public var updated: Int64           // 3
    public var unchanged: Int64         // 4
    public var rejected: [RowError]     // 5 (repeated)

    public init(rows: Int64 = 0, inserted: Int64 = 0, updated: Int64 = 0, unchanged: Int64 = 0, rejected: [RowError] = []) {
        self.rows = rows
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
        self.rejected = rejected
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: rows = try reader.readInt64(field)
            case 2: inserted = try reader.readInt64(field)
            case 3: updated = try reader.readInt64(field)
            case 4: unchanged = try reader.readInt64(field)
            case 5: rejected.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, int: rows)
        writer.write(2, int: inserted)
        writer.write(3, int: updated)
        writer.write(4, int: unchanged)
        writer.write(5, messages: rejected)
    }

    /// One line per outcome, then one per rejected row: `line 7: unknown region code …`.
    public var summary: String {
        var lines = ["\(rows) rows: \(inserted) inserted, \(updated) updated, \(unchanged) unchanged, \(rejected.count) rejected"]
        lines += rejected.map { "  line \($0.line): \($0.reason)" }
        return lines.joined(separator: "\n")
    }
}

/// A CSV row that was not imported: its 1-based line in the file and why.
public struct RowError: WireMessage, Hashable, Codable {
    public var line: Int64     // 1
    public var reason: String  // 2

    public init(line: Int64, reason: String) {
        self.line = line
        self.reason = reason
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(line: 0, reason: "")
        while let field = try reader.nextField() {
            switch field.number {
            case 1: line = try reader.readInt64(field)
            case 2: reason = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, int: line)
        writer.write(2, string: reason)
    }
}
