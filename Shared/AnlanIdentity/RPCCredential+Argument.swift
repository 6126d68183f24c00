import AnlanRPC
import Foundation

extension RPCCredential {
    /// A token as a command line or the environment gives it (`--token`, ANLAN_TOKEN): the token
    /// itself, or an absolute path to a file holding it.
    ///
    /// - Throws: `IdentityError(.unreadable)` for a path whose file cannot be read.
    public init(tokenOrPath text: String) throws(IdentityError) {
        var token = text
        if text.hasPrefix("/") {
            guard let file = try? String(contentsOfFile: text, encoding: .utf8) else {
                throw IdentityError(.unreadable, "no token in \(text)")
            }
            token = file
        }
        self.init(token: token.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
