import AnlanRPC

extension RPCRequestContext {
    /// Whom the node's authorizer authorized this request for; nil on a plaintext (`--insecure`) node.
    public var caller: Caller? { principal as? Caller }
}
