import AnlanIdentity
import AnlanRegions
import AnlanRPC
import Foundation
import Hummingbird

/// Who is at the screen (屏幕登录): the gateway signs its people in against its roster and hands them a
/// token in an HTTP-only cookie; every API request then acts for that person — checked here by the
/// route's access level, and carried with every call the gateway makes for it, so each node below
/// checks the person again. Only a gateway with identities (`--pki`) has one; without it the screen is
/// open, as the rest of a plaintext node is.
public struct ScreenSignIn: Sendable {
    /// The cookie that holds the token.
    public static let cookie = "anlan_session"

    let node: NodeName
    let issuer: PersonTokenIssuer
    let tokens: PersonTokenVerifier
    let roster: PeopleRoster
    let policy: AccessPolicy

    public init(credentials: NodeCredentials, roster: PeopleRoster, tokens: PersonTokenVerifier) throws {
        self.node = credentials.name
        self.issuer = try PersonTokenIssuer(credentials: credentials)
        self.tokens = tokens
        self.roster = roster
        self.policy = AccessPolicy()
    }

    /// A token for the roster's person `id`, when `password` is theirs.
    func signIn(id: String, password: String) async throws -> (token: String, person: Person) {
        guard let entry = try roster.check(id: id, password: password) else {
            throw APIError(.unauthorized, "unauthenticated", "工号或密码不正确")
        }
        let token = try await issuer.issue(id: entry.id, name: entry.name, role: entry.role, region: entry.region)
        return (token, try await tokens.verify(token))
    }

    /// The person a request's cookie (or `Authorization: Bearer`) token names.
    ///
    /// - Throws: `APIError` 401 when there is none or it is not valid.
    func person(of request: Request) async throws -> (credential: RPCCredential, person: Person) {
        guard let token = Self.token(of: request) else { throw APIError(.unauthorized, "unauthenticated", "请先登录") }
        do {
            return (RPCCredential(token: token), try await tokens.verify(token))
        } catch {
            throw APIError(.unauthorized, "unauthenticated", "登录已失效，请重新登录（\(error.message)）")
        }
    }

    /// May `person` make a request of `access` here? The gateway decides only what is its own (a
    /// confirmation is the dispatching node's); the nodes it calls decide the records they keep.
    func check(_ access: RPCAccess, _ person: Person) throws {
        // The records' regions are checked where they are kept: here, no request names any.
        if case .deny(let reason) = policy.decide(access, caller: .person(person), node: node, scoped: []) {
            throw APIError(.forbidden, "permissionDenied", reason)
        }
    }

    static func token(of request: Request) -> String? {
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            return String(authorization.dropFirst(7))
        }
        return request.cookies[cookie]?.value
    }
}
