import AnlanRPC
import AnlanRegions
import AnlanWire
import Logging
import Metrics

/// A node's gatekeeper (节点授权): names the caller of every request — the person whose token it
/// carries, else the node whose certificate the connection proved — and applies `AccessPolicy`.
/// Refusals (a token that does not verify included) are answered `permissionDenied` with the reason,
/// logged, counted in `anlan_access_refused_total{method,access}` and audited.
public struct NodeAuthorizer: RPCAuthorizer {
    public let node: NodeName
    public let policy: AccessPolicy
    public let tokens: PersonTokenVerifier
    /// Keeps a record of every refusal.
    public var audit: (any RPCAuditSink)?

    public init(node: NodeName, tokens: PersonTokenVerifier, policy: AccessPolicy = AccessPolicy(), audit: (any RPCAuditSink)? = nil) {
        self.node = node
        self.tokens = tokens
        self.policy = policy
        self.audit = audit
    }

    public func authorize(_ access: RPCAccess, request: any WireMessage, context: RPCRequestContext) async throws(RPCError) -> (any RPCPrincipal)? {
        guard let certificate = context.peerCertificate, let peer = try? certificate.nodeName() else {
            // A plaintext (`--insecure`) node has no identities to check: it says so loudly at start.
            return nil
        }
        let caller: Caller
        if let credential = context.credential {
            do {
                caller = .person(try await tokens.verify(credential.token))
            } catch {
                await refuse(access, request, context, who: "a token presented by \(peer)", "the token is not valid: \(error.message)")
                throw RPCError(.permissionDenied, "the caller's token is not valid: \(error.message)")
            }
        } else {
            caller = .node(peer)
        }
        let scoped = (request as? any RegionScopedRequest)?.scopedRegions
        switch policy.decide(access, caller: caller, node: node, scoped: scoped) {
        case .allow:
            return caller
        case .deny(let reason):
            await refuse(access, request, context, who: caller.auditName, reason)
            throw RPCError(.permissionDenied, reason)
        }
    }

    private func refuse(_ access: RPCAccess, _ request: any WireMessage, _ context: RPCRequestContext, who: String, _ reason: String) async {
        context.logger.notice("request refused", metadata: [
            "method": "\(context.method)", "access": "\(access.rawValue)", "reason": "\(reason)",
            "from": "\(context.remoteAddress.map { "\($0)" } ?? "?")"])
        Counter(label: "anlan_access_refused_total", dimensions: [("method", context.method), ("access", access.rawValue)]).increment()
        await audit?.record(RPCAuditEntry(access, request, context, who: who, outcome: "\(WireStatus.permissionDenied): \(reason)"))
    }
}
