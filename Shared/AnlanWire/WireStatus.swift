/// The outcome of a request, carried in header byte 9 of RESPONSE (always `ok`) and ERROR frames.
///
/// A struct so that a code added by a newer peer still decodes; `isKnown` tells whether this node knows it.
public struct WireStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let ok = WireStatus(rawValue: 0)
    /// The request was malformed or named something invalid (an unknown region code, a bad field).
    public static let invalidArgument = WireStatus(rawValue: 1)
    public static let notFound = WireStatus(rawValue: 2)
    public static let alreadyExists = WireStatus(rawValue: 3)
    /// The system is not in a state for this operation (e.g. an invalid state transition).
    public static let failedPrecondition = WireStatus(rawValue: 4)
    public static let permissionDenied = WireStatus(rawValue: 5)
    /// The request's deadline budget ran out before an answer.
    public static let deadlineExceeded = WireStatus(rawValue: 6)
    /// The service cannot answer now; the request may or may not have been processed.
    public static let unavailable = WireStatus(rawValue: 7)
    /// A limit was hit: frame or message size, concurrency, storage.
    public static let resourceExhausted = WireStatus(rawValue: 8)
    public static let cancelled = WireStatus(rawValue: 9)
    /// No such method, or an unknown frame kind.
    public static let unimplemented = WireStatus(rawValue: 10)
    public static let `internal` = WireStatus(rawValue: 11)
    /// The request was not processed at all: safe to retry, on this or another node.
    public static let notProcessed = WireStatus(rawValue: 12)
    /// The peer broke the framing rules (bad magic, CRC, length, compression); the connection closes.
    public static let protocolError = WireStatus(rawValue: 13)

    /// Whether this node knows the code.
    public var isKnown: Bool { rawValue <= 13 }

    public var description: String {
        switch self {
        case .ok: "ok"
        case .invalidArgument: "invalid argument"
        case .notFound: "not found"
        case .alreadyExists: "already exists"
        case .failedPrecondition: "failed precondition"
        case .permissionDenied: "permission denied"
        case .deadlineExceeded: "deadline exceeded"
        case .unavailable: "unavailable"
        case .resourceExhausted: "resource exhausted"
        case .cancelled: "cancelled"
        case .unimplemented: "unimplemented"
        case .internal: "internal"
        case .notProcessed: "not processed (safe to retry)"
        case .protocolError: "protocol error"
        default: "status \(rawValue)"
        }
    }
}
