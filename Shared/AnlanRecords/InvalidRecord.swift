/// Why a record (from a request or a CSV row) was rejected: one message, complete on its own.
///
/// Services turn it into an `invalidArgument` answer or a `RowError` with the CSV line.
public struct InvalidRecord: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
