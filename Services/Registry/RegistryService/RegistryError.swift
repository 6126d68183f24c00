/// Why the registry refused a request: a code saying what kind of refusal it is and a message,
/// complete on its own, saying what was wrong.
///
/// The registry's own code throws it and knows nothing of the wire; `RegistryNode` answers it with the
/// wire status of the same name and exactly `message`.
public struct RegistryError: Error, Sendable, CustomStringConvertible {
    /// The kind of refusal; each has a wire status of the same name (docs/PROTOCOL.md).
    public enum Code: Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// A registration or request was malformed or named an unknown region.
        case invalidArgument
        /// The lease named is unknown or has expired.
        case notFound
        /// The registry could not persist a change (its database failed).
        case unavailable
        /// A watcher fell too far behind the changes.
        case resourceExhausted
        /// The caller's certificate names another region or service than it registers.
        case permissionDenied

        public var description: String {
            switch self {
            case .invalidArgument: "invalid argument"
            case .notFound: "not found"
            case .unavailable: "unavailable"
            case .resourceExhausted: "resource exhausted"
            case .permissionDenied: "permission denied"
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

    public static func invalidArgument(_ message: String) -> RegistryError { RegistryError(.invalidArgument, message) }
    public static func notFound(_ message: String) -> RegistryError { RegistryError(.notFound, message) }
    public static func unavailable(_ message: String, cause: (any Error & Sendable)? = nil) -> RegistryError {
        RegistryError(.unavailable, message, cause: cause)
    }

    public var description: String { "\(code): \(message)" }
}
