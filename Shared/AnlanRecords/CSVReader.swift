/// Reads CSV (RFC 4180) from UTF-8 bytes, one record at a time, with the line each record starts on.
///
/// Fields may be quoted (`"a, ""b"""`), quoted fields may span lines, and lines end in `\n` or `\r\n`.
/// A UTF-8 byte-order mark at the start (as spreadsheet programs write) is skipped. A malformed record
/// (a stray quote, an unterminated quoted field, invalid UTF-8) is returned as a `CSVRecord` with
/// `problem` set and reading resumes on the next line (for a quote never closed: the line after the one
/// it opened on), so one bad row never hides the rows after it.
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
        var index = self.index
        var line = self.line
        defer {
            self.index = index
            self.line = line
        }
        return bytes.withUnsafeBufferPointer { buffer in
            Self.record(buffer, &index, &line)
        }
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"),
                       carriageReturn = UInt8(ascii: "\r")

    /// Scans one record from `index`: unquoted fields become strings straight from their bytes; only
    /// quoted fields with doubled quotes are copied.
    private static func record(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ line: inout Int) -> CSVRecord? {
        let end = bytes.count
        while index < end {
            let startLine = line
            var fields: [String] = []
            var problem: String?
            var endOfRecord = false
            while !endOfRecord {
                var field: String
                if index < end, bytes[index] == quote {
                    // Quoted: up to the closing quote; "" inside is one quote.
                    var text: [UInt8] = []
                    let openingQuote = index, openingLine = line
                    var segment = index + 1
                    var i = segment
                    var closed = false
                    while i < end {
                        let byte = bytes[i]
                        if byte == quote {
                            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<i]))
                            if i + 1 < end, bytes[i + 1] == quote {
                                text.append(quote)
                                i += 2
                                segment = i
                                continue
                            }
                            closed = true
                            i += 1
                            break
                        }
                        if byte == newline { line += 1 }
                        i += 1
                    }
                    if !closed {
                        // Never closed: report it and go on from the end of the line the quote opened on,
                        // so the rows after it are read as rows.
                        problem = problem ?? "a quoted field (field \(fields.count + 1)) is never closed"
                        var lineEnd = openingQuote + 1
                        while lineEnd < end, bytes[lineEnd] != newline { lineEnd += 1 }
                        var stop = lineEnd
                        if stop > openingQuote + 1, bytes[stop - 1] == carriageReturn { stop -= 1 }
                        text = Array(UnsafeBufferPointer(rebasing: bytes[(openingQuote + 1)..<stop]))
                        i = lineEnd
                        line = openingLine
                    }
                    field = string(UnsafeBufferPointer(start: nil, count: 0), text, &problem, fields.count)
                    index = i
                    if index < end, bytes[index] != comma, bytes[index] != newline, bytes[index] != carriageReturn {
                        problem = problem ?? "a quoted field (field \(fields.count + 1)) is followed by text before the next comma"
                        while index < end, bytes[index] != comma, bytes[index] != newline { index += 1 }
                    }
                } else {
                    let start = index
                    while index < end {
                        let byte = bytes[index]
                        if byte == comma || byte == newline { break }
                        if byte == quote {
                            problem = problem ?? "a quote inside an unquoted field (field \(fields.count + 1)); quote the whole field and double the quote"
                        }
                        index += 1
                    }
                    var stop = index
                    if stop > start, bytes[stop - 1] == carriageReturn, index >= end || bytes[index] == newline { stop -= 1 }
                    field = string(UnsafeBufferPointer(rebasing: bytes[start..<stop]), [], &problem, fields.count)
                }
                fields.append(field)
                if index < end, bytes[index] == carriageReturn, index + 1 < end, bytes[index + 1] == newline { index += 1 }
                if index >= end {
                    endOfRecord = true
                } else if bytes[index] == comma {
                    index += 1
                } else {
                    // A newline ends the record.
                    index += 1
                    line += 1
                    endOfRecord = true
                }
            }
            if fields.count == 1, fields[0].isEmpty, problem == nil { continue }
            return CSVRecord(line: startLine, fields: fields, problem: problem)
        }
        return nil
    }

    /// The field's text from `bytes` (or, for quoted fields, `copied`), checked as UTF-8.
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ copied: [UInt8], _ problem: inout String?, _ index: Int) -> String {
        if copied.isEmpty, !bytes.contains(where: { $0 >= 0x80 }) {
            return String(decoding: bytes, as: UTF8.self)  // ASCII: valid by construction, the fast path
        }
        let text = copied.isEmpty ? String(validating: bytes, as: UTF8.self) : String(validating: copied, as: UTF8.self)
        if let text { return text }
        problem = problem ?? "field \(index + 1) is not valid UTF-8"
        return copied.isEmpty ? String(decoding: bytes, as: UTF8.self) : String(decoding: copied, as: UTF8.self)
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
