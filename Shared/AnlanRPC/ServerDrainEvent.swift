/// Sent down a server connection's pipeline to start a graceful drain: GOAWAY, finish in-flight, close.
public struct ServerDrainEvent: Sendable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}
