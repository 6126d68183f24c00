import Foundation

/// Writes CSV (RFC 4180) with `\n` line ends, quoting only the fields that need it.
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    public init() {}

    /// Appends one record.
    public mutating func write(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { text.append(",") }
            if field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
                text.append("\"")
                text.append(field.replacingOccurrences(of: "\"", with: "\"\""))
                text.append("\"")
            } else {
                text.append(field)
            }
        }
        text.append("\n")
    }

    /// Takes the text written so far, leaving the writer empty.
    public mutating func take() -> String {
        defer { text = "" }
        return text
    }
}
