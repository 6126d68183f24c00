import AnlanNode
import AnlanRecords
import AnlanRPC
import AnlanWire
import Foundation
import Hummingbird

/// An API error as the screen sees it: an HTTP status and `{"error": "<status name>", "message": "…"}`,
/// the status named as the binary protocol names it (docs/SCREEN.md).
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// The status's name: `invalidArgument`, `notFound`, …
    public var name: String
    public var message: String

    public init(_ status: HTTPResponse.Status, _ name: String, _ message: String) {
        self.status = status
        self.name = name
        self.message = message
    }

    public static func invalidArgument(_ message: String) -> APIError { APIError(.badRequest, "invalidArgument", message) }
    public static func notFound(_ message: String) -> APIError { APIError(.notFound, "notFound", message) }
    public static func unavailable(_ message: String) -> APIError { APIError(.serviceUnavailable, "unavailable", message) }

    /// What a handler's error answers: an `RPCError` or `RecordServiceError` by its status, an
    /// `HTTPError` (an unknown path, a body too large) by its own, anything else as internal.
    public init(_ error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as RPCError:
            self.init(status: error.status, message: error.message)
        case let error as RecordServiceError:
            self.init(status: error.code.wireStatus, message: error.message)
        case let error as HTTPError:
            let name = switch error.status {
            case .notFound: "notFound"
            case .methodNotAllowed: "unimplemented"
            case .contentTooLarge: "resourceExhausted"
            case _ where error.status.code < 500: "invalidArgument"
            default: "internal"
            }
            self.init(error.status, name, error.body ?? error.status.reasonPhrase)
        default:
            self.init(.internalServerError, "internal", "\(error)")
        }
    }

    /// The HTTP status of each wire status (docs/SCREEN.md).
    init(status: WireStatus, message: String) {
        let (code, name): (HTTPResponse.Status, String) = switch status {
        case .invalidArgument: (.badRequest, "invalidArgument")
        case .permissionDenied: (.forbidden, "permissionDenied")
        case .notFound: (.notFound, "notFound")
        case .alreadyExists: (.conflict, "alreadyExists")
        case .failedPrecondition: (.conflict, "failedPrecondition")
        case .deadlineExceeded: (.gatewayTimeout, "deadlineExceeded")
        case .unavailable: (.serviceUnavailable, "unavailable")
        case .notProcessed: (.serviceUnavailable, "notProcessed")
        case .resourceExhausted: (.internalServerError, "resourceExhausted")
        case .cancelled: (.internalServerError, "cancelled")
        case .unimplemented: (.internalServerError, "unimplemented")
        case .protocolError: (.internalServerError, "protocolError")
        default: (.internalServerError, "internal")
        }
        self.init(code, name, message)
    }

    /// The error's body.
    struct Body: Codable {
        var error: String
        var message: String
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try JSONBody.response(Body(error: name, message: message))
        response.status = status
        return response
    }
}
