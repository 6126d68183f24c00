/// One method as the exported schema and the protocol document show it.
public struct WireMethodDescriptor: Sendable {
    public var id: UInt16
    /// E.g. `hazard.point.create`.
    public var name: String
    public var request: any WireMessage.Type
    /// The response, or for a streaming method the message of each STREAM frame.
    public var response: any WireMessage.Type
    public var streaming: Bool
    /// Who may call it (`RPCAccess`'s name: `read`, `maintain`, …).
    public var access: String
    public var doc: String

    public init(id: UInt16, name: String, request: any WireMessage.Type, response: any WireMessage.Type,
                streaming: Bool, access: String, doc: String) {
        self.id = id
        self.name = name
        self.request = request
        self.response = response
        self.streaming = streaming
        self.access = access
        self.doc = doc
    }
}
