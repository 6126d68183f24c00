import AnlanIdentity
import Foundation
import Hummingbird

/// Signing in at the screen (`/api/session`): POST the id and password, get the person and the
/// session cookie; GET who is signed in; DELETE to sign out. Without identities (`--insecure`) there is
/// no one to sign in: 404.
extension GatewayHTTPServer {
    struct Credentials: Decodable {
        var id: String
        var password: String
    }

    /// The signed-in person as the screen shows them.
    struct SessionPerson: Codable {
        var id: String
        var name: String
        var role: String
        var roleName: String
        var region: String
        var regionName: String
        var expiresAtMilliseconds: Int64

        init(_ person: Person) {
            id = person.id
            name = person.name
            role = person.role.rawValue
            roleName = person.role.chineseName
            region = person.jurisdiction.code
            regionName = person.jurisdiction.name
            expiresAtMilliseconds = Int64(person.expires.timeIntervalSince1970 * 1000)
        }
    }

    func addSession(to router: Router<BasicRequestContext>) {
        let signIn = signIn
        router.post("/api/session") { request, context in
            guard let signIn else { throw APIError.notFound("this gateway signs no one in: it runs without identities (--insecure)") }
            let asked: Credentials
            do {
                asked = try JSONDecoder().decode(Credentials.self, from: try await request.body.collect(upTo: 16 * 1024))
            } catch {
                throw APIError.invalidArgument("sign in with {\"id\": …, \"password\": …}")
            }
            let (token, person) = try await signIn.signIn(id: asked.id, password: asked.password)
            var response = try JSONBody.response(SessionPerson(person))
            response.setCookie(Cookie(name: ScreenSignIn.cookie, value: token, expires: person.expires, path: "/",
                                      secure: false, httpOnly: true, sameSite: .strict))
            return response
        }
        router.get("/api/session") { request, _ in
            guard let signIn else { throw APIError.notFound("this gateway signs no one in: it runs without identities (--insecure)") }
            return try JSONBody.response(SessionPerson(try await signIn.person(of: request).person))
        }
        router.delete("/api/session") { _, _ in
            var response = Response(status: .noContent)
            response.setCookie(Cookie(name: ScreenSignIn.cookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
    }
}
