/// The kind of a frame (header byte 7; see `FrameHeader` for the layout).
///
/// A struct rather than an enum so that a kind this node does not know (sent by a newer peer) still
/// decodes and can be answered with an `unimplemented` ERROR instead of tearing the connection down.
public struct FrameKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Opens a connection: negotiates version, limits, compression and states the peer's identity.
    public static let hello = FrameKind(rawValue: 0x01)
    /// A call of a method, identified by the header's method id.
    public static let request = FrameKind(rawValue: 0x02)
    /// The final, successful answer to a request.
    public static let response = FrameKind(rawValue: 0x03)
    /// The final, failed answer to a request (status ≠ ok), or a connection-level error (request id 0).
    public static let error = FrameKind(rawValue: 0x04)
    /// A liveness probe; the peer echoes the payload in a PONG.
    public static let ping = FrameKind(rawValue: 0x05)
    /// The answer to a PING, carrying the PING's payload unchanged.
    public static let pong = FrameKind(rawValue: 0x06)
    /// The caller gave up on a request; the server stops work on it and sends nothing more for it.
    public static let cancel = FrameKind(rawValue: 0x07)
    /// Graceful drain: no new requests are accepted, in-flight ones finish, then the connection closes.
    public static let goAway = FrameKind(rawValue: 0x08)
    /// One message of a streamed answer; more follow, and a RESPONSE or ERROR ends the stream.
    public static let stream = FrameKind(rawValue: 0x09)

    /// Whether this node knows the kind.
    public var isKnown: Bool { (0x01...0x09).contains(rawValue) }

    public var description: String {
        switch self {
        case .hello: "HELLO"
        case .request: "REQUEST"
        case .response: "RESPONSE"
        case .error: "ERROR"
        case .ping: "PING"
        case .pong: "PONG"
        case .cancel: "CANCEL"
        case .goAway: "GOAWAY"
        case .stream: "STREAM"
        default: "UNKNOWN(0x\(String(rawValue, radix: 16)))"
        }
    }
}
