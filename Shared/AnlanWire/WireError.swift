/// A violation of the wire protocol or its limits, found while decoding bytes from a peer.
///
/// Each carries the status that travels back to the peer in an ERROR frame and, when the header was
/// readable, the request id it concerned.
public struct WireError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable {
        case badMagic
        case unsupportedVersion
        case frameTooShort
        case frameTooLarge
        case checksumMismatch
        case compressionRejected
        case malformedPayload
        case limitExceeded
        case truncated
    }

    public var code: Code
    public var message: String
    /// The request id from the offending frame's header, when it could be read.
    public var requestID: UInt32?

    public init(_ code: Code, _ message: String, requestID: UInt32? = nil) {
        self.code = code
        self.message = message
        self.requestID = requestID
    }

    /// The status to report to the peer.
    public var status: WireStatus {
        switch code {
        case .frameTooLarge, .limitExceeded: .resourceExhausted
        case .malformedPayload: .invalidArgument
        default: .protocolError
        }
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
