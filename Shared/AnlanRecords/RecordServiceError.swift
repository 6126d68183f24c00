/// Why a record service refused a request: a code saying what kind of refusal it is and a message,
/// complete on its own, saying what was wrong.
///
/// The record services' domain code throws it; the node skeleton (AnlanNode) answers it with the wire
/// status of the same name, so this layer needs no RPC. A `RecordServiceError` a client sees carries exactly
/// `message`.
public struct RecordServiceError: Error, Sendable, CustomStringConvertible {
    /// The kind of refusal; each has a wire status of the same name (docs/PROTOCOL.md).
    public enum Code: Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// The request or record was malformed or named something invalid (an unknown region, a bad field).
        case invalidArgument
        /// The record named does not exist on this node.
        case notFound
        /// A record with that id exists with other values.
        case alreadyExists
        /// The records are not in a state for this operation (an invalid transition, stock short).
        case failedPrecondition
        /// The node itself is broken (e.g. a bundled resource is missing).
        case `internal`

        public var description: String {
            switch self {
            case .invalidArgument: "invalid argument"
            case .notFound: "not found"
            case .alreadyExists: "already exists"
            case .failedPrecondition: "failed precondition"
            case .internal: "internal"
            }
        }
    }

    public var code: Code
    public var message: String
    /// The underlying error, if any (not sent to clients).
    public var cause: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public static func invalidArgument(_ message: String) -> RecordServiceError { RecordServiceError(.invalidArgument, message) }
    public static func notFound(_ message: String) -> RecordServiceError { RecordServiceError(.notFound, message) }
    public static func alreadyExists(_ message: String) -> RecordServiceError { RecordServiceError(.alreadyExists, message) }
    public static func failedPrecondition(_ message: String) -> RecordServiceError { RecordServiceError(.failedPrecondition, message) }
    public static func `internal`(_ message: String, cause: (any Error & Sendable)? = nil) -> RecordServiceError {
        RecordServiceError(.internal, message, cause: cause)
    }

    public var description: String { "\(code): \(message)" }
}
