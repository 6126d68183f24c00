/// Why a region code or the region data was rejected.
///
/// `description` is the message alone, written to be shown as is, e.g.
/// `unknown region code "330199": not a Zhejiang division`.
public struct RegionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure, for callers that branch on it (e.g. to map it to a wire status).
    public enum Code: String, Hashable, Sendable {
        /// A well-formed code that names no division in the tree.
        case unknownCode
        /// Not a code at all: characters other than ASCII digits, or a wrong number of digits.
        case malformedCode
        /// Broken region data: a bad CSV line, a dangling parent, a duplicate code, an invalid coordinate.
        case malformedData
    }

    /// The kind of failure.
    public var code: Code
    /// A human-readable explanation; for data errors it starts with the line number.
    public var message: String
    /// For `malformedData` from `RegionTree(csv:)`: the 1-based line of the CSV at fault (the header is line 1).
    public var line: Int?

    /// Creates an error; the message should be complete on its own.
    public init(_ code: Code, _ message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }

    /// The message.
    public var description: String { message }

    static func unknown(_ code: String) -> RegionError {
        RegionError(.unknownCode, "unknown region code \"\(code)\": not a Zhejiang division")
    }

    static func malformed(_ code: String, _ why: String) -> RegionError {
        RegionError(.malformedCode, "malformed region code \"\(code)\": \(why)")
    }

    static func data(line: Int, _ why: String) -> RegionError {
        RegionError(.malformedData, "region data line \(line): \(why)", line: line)
    }
}
