/// Reads CSV (RFC 4180) from UTF-8 bytes, one record at a time, with the line each record starts on.
///
/// Fields may be quoted (`"a, ""b"""`), quoted fields may span lines, and lines end in `\n` or `\r\n`.
/// A UTF-8 byte-order mark at the start (as spreadsheet programs write) is skipped. A malformed record
/// (a stray quote, an unterminated quoted field, invalid UTF-8) is returned as a `CSVRecord` with
/// `problem` set and reading resumes on the next line, so one bad row never hides the rows after it.
public struct CSVReader: Sendable {
    private let bytes: [UInt8]
    private var index: Int
    private var line = 1

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        self.index = bytes.starts(with: bom) ? 3 : 0
    }

    public init(_ text: String) {
        self.init(Array(text.utf8))
    }

    /// The next record, or nil at the end. Blank lines are skipped.
    public mutating func next() -> CSVRecord? {
        while index < bytes.count {
            let startLine = line
            var fields: [String] = []
            var field: [UInt8] = []
            var problem: String?
            var atFieldStart = true
            var quoted = false
            var endOfRecord = false
            while index < bytes.count, !endOfRecord {
                let byte = bytes[index]
                index += 1
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                            field.append(byte)
                            index += 1
                        } else {
                            quoted = false
                            if index < bytes.count, !Self.isSeparator(bytes[index]) {
                                problem = problem ?? "a quoted field (field \(fields.count + 1)) is followed by text before the next comma"
                            }
                        }
                    } else {
                        if byte == UInt8(ascii: "\n") { line += 1 }
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: ","):
                    fields.append(Self.string(field, &problem, fields.count))
                    field.removeAll(keepingCapacity: true)
                    atFieldStart = true
                    continue
                case UInt8(ascii: "\n"):
                    line += 1
                    endOfRecord = true
                case UInt8(ascii: "\r") where index < bytes.count && bytes[index] == UInt8(ascii: "\n"):
                    break
                case UInt8(ascii: "\"") where atFieldStart:
                    quoted = true
                case UInt8(ascii: "\""):
                    problem = problem ?? "a quote inside an unquoted field (field \(fields.count + 1)); quote the whole field and double the quote"
                    field.append(byte)
                default:
                    field.append(byte)
                }
                atFieldStart = false
            }
            if quoted {
                problem = problem ?? "a quoted field (field \(fields.count + 1)) is not closed before the end of the file"
            }
            fields.append(Self.string(field, &problem, fields.count))
            if fields.count == 1, fields[0].isEmpty, problem == nil { continue }
            return CSVRecord(line: startLine, fields: fields, problem: problem)
        }
        return nil
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func string(_ bytes: [UInt8], _ problem: inout String?, _ index: Int) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        problem = problem ?? "field \(index + 1) is not valid UTF-8"
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// One CSV record: its fields and the 1-based line it starts on (the header is line 1).
public struct CSVRecord: Sendable, Hashable {
    public var line: Int
    public var fields: [String]
    /// Why the record is malformed, or nil.
    public var problem: String?

    public init(line: Int, fields: [String], problem: String? = nil) {
        self.line = line
        self.fields = fields
        self.problem = problem
    }
}
