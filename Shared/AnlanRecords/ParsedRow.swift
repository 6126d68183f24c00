/// One CSV row after parsing and validation on the parsing thread: a record ready to write, or why not.
public enum ParsedRow<Record: Sendable>: Sendable {
    case record(Record, line: Int)
    case rejected(InvalidRecord, line: Int)

    public var line: Int {
        switch self {
        case .record(_, let line), .rejected(_, let line): line
        }
    }
}
