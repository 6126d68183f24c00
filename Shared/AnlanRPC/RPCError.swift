import AnlanWire
import NIOSSL

/// An RPC failure as callers and handlers see it: a wire status, a message, and the local cause if any.
///
/// Handlers throw it to answer with that status; any other error thrown by a handler reaches the caller
/// as `internal`. Clients receive every failure as an `RPCError`, whether the server sent it or the
/// connection, the deadline or the limits produced it locally.
public struct RPCError: Error, Sendable, CustomStringConvertible {
    public var status: WireStatus
    public var message: String
    public var cause: (any Error & Sendable)?
    /// False when the request never left this process (no connection could be had): the server
    /// certainly did not act on it. Local knowledge only; it does not travel on the wire.
    public var requestWasSent: Bool

    public init(_ status: WireStatus, _ message: String, cause: (any Error & Sendable)? = nil, requestWasSent: Bool = true) {
        self.status = status
        self.message = message
        self.cause = cause
        self.requestWasSent = requestWasSent
    }

    public static func invalidArgument(_ message: String) -> RPCError { RPCError(.invalidArgument, message) }
    public static func notFound(_ message: String) -> RPCError { RPCError(.notFound, message) }
    public static func alreadyExists(_ message: String) -> RPCError { RPCError(.alreadyExists, message) }
    public static func failedPrecondition(_ message: String) -> RPCError { RPCError(.failedPrecondition, message) }
    public static func unavailable(_ message: String, cause: (any Error & Sendable)? = nil) -> RPCError {
        RPCError(.unavailable, message, cause: cause)
    }
    public static func deadlineExceeded(_ message: String) -> RPCError { RPCError(.deadlineExceeded, message) }
    public static func `internal`(_ message: String, cause: (any Error & Sendable)? = nil) -> RPCError {
        RPCError(.internal, message, cause: cause)
    }

    /// Whether the request certainly had no effect, so retrying it cannot apply it twice.
    public var isSafeToRetry: Bool { status == .notProcessed || !requestWasSent }

    public var description: String { "\(status): \(message)" }

    /// A failed TLS handshake in words a person on duty can act on, with BoringSSL's own after them.
    static func tlsFailure(_ error: any Error) -> String {
        let text = "\(error)"
        let reason = if text.contains("CERTIFICATE_VERIFY_FAILED") {
            "this side refused the peer's certificate"
        } else if text.contains("ALERT_CERTIFICATE_UNKNOWN") || text.contains("ALERT_BAD_CERTIFICATE")
                    || text.contains("CERTIFICATE_REQUIRED") || text.contains("ALERT_HANDSHAKE_FAILURE") {
            "the peer refused this side's certificate (or wanted one)"
        } else if text.contains("WRONG_VERSION_NUMBER") || text.contains("PACKET_LENGTH_TOO_LONG")
                    || text.contains("uncleanShutdown") {
            "the peer does not speak TLS, or ended the handshake"
        } else {
            "handshake failed"
        }
        return "TLS: \(reason) (\(text))"
    }

    /// Any error as the status and message to send on the wire.
    static func from(_ error: any Error) -> RPCError {
        switch error {
        case let error as RPCError: error
        case let error as WireError: RPCError(error.status, error.message, cause: error)
        case is CancellationError: RPCError(.cancelled, "cancelled")
        case is NIOSSLError, is BoringSSLError: RPCError(.unavailable, tlsFailure(error))
        default: RPCError(.internal, "\(error)")
        }
    }
}
