/// Why a certificate, a key or an identity was refused (身份错误).
///
/// `description` is the message alone, written to be shown or logged as is.
public struct IdentityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Hashable, Sendable {
        /// Not an Anlan name: no `anlan://` URI, or one with a bad region or service.
        case malformedName
        /// The chain does not lead to the trust root, or a certificate in it is out of its dates.
        case untrusted
        /// An issuer named a region outside its own subtree, or a node's certificate claims to issue.
        case outsideSubtree
        /// A certificate in the chain is on the revocation list.
        case revoked
        /// A file of the PKI is missing or unreadable (a certificate, a key, the revocation list).
        case unreadable
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
