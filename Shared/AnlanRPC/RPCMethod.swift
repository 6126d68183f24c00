import AnlanWire

/// A method: its wire id, its name for logs and metrics, and its request and response types.
///
/// Method ids are unique per service; ids 0x0001–0x00FF are the runtime's own (e.g. `node.info`), each
/// service numbers its methods from a block of its own (listed in docs/PROTOCOL.md).
public struct RPCMethod<Request: WireMessage, Response: WireMessage>: Sendable, Hashable {
    public let id: UInt16
    public let name: String
    /// Answered with STREAM frames of `Response` until END (or the caller's CANCEL).
    public let streaming: Bool
    /// Who may call it: checked by the server before the handler runs.
    public let access: RPCAccess

    public init(id: UInt16, name: String, streaming: Bool = false, access: RPCAccess) {
        self.id = id
        self.name = name
        self.streaming = streaming
        self.access = access
    }

    /// The method for the exported schema and the protocol document.
    public func descriptor(doc: String) -> WireMethodDescriptor {
        WireMethodDescriptor(id: id, name: name, request: Request.self, response: Response.self, streaming: streaming,
                             access: access.rawValue, doc: doc)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
