import AnlanRPC
import AnlanRegions

extension RPCRequestContext {
    /// The calling node's name as its validated certificate gives it; nil on a plain connection.
    public var callerName: NodeName? {
        try? peerCertificate?.nodeName()
    }
}
