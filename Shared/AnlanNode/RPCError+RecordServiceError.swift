import AnlanRPC
import AnlanRecords
import AnlanWire

extension RPCError {
    /// A record service's refusal as its clients see it: the wire status of the same name and the
    /// same message.
    public init(_ error: RecordServiceError) {
        self.init(error.code.wireStatus, error.message, cause: error.cause)
    }

    /// What a node answers for an error its handler throws: a `RecordServiceError` as its `RPCError`,
    /// anything else unchanged. Every node's router applies it (`RPCRouter.forNode`).
    @Sendable public static func answering(_ error: any Error) -> any Error {
        if let error = error as? RecordServiceError { return RPCError(error) }
        return error
    }
}

extension RecordServiceError.Code {
    /// The wire status a client sees for this code.
    public var wireStatus: WireStatus {
        switch self {
        case .invalidArgument: .invalidArgument
        case .notFound: .notFound
        case .alreadyExists: .alreadyExists
        case .failedPrecondition: .failedPrecondition
        case .internal: .internal
        }
    }
}

extension RPCRouter {
    /// A router for a node's methods: what their handlers throw is answered through `RPCError.answering`.
    public static func forNode(limits: WireLimits = .defaults) -> RPCRouter {
        RPCRouter(limits: limits, mapError: RPCError.answering)
    }
}
