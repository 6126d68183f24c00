import AnlanRPC
import EvacuationAPI
import GatewayAPI
import Hummingbird

/// Every `/api/` request but signing in needs a signed-in person (401 otherwise) whose role and
/// jurisdiction allow the route's access (403 otherwise); the route then runs for them: the calls it
/// makes carry their token (`RPCCredential.current`).
struct SessionMiddleware<Context: RequestContext>: RouterMiddleware {
    let signIn: ScreenSignIn

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix("/api/"), path != "/api/session" else { return try await next(request, context) }
        let (credential, person) = try await signIn.person(of: request)
        try signIn.check(Self.access(request.method, path), person)
        return try await RPCCredential.$current.withValue(credential) { try await next(request, context) }
    }

    /// The access level of each route: the one its binary method declares.
    static func access(_ method: HTTPRequest.Method, _ path: String) -> RPCAccess {
        guard method == .post else { return .read }
        if path == "/api/proposals/confirm" { return GatewayMethods.confirmProposal.access }
        if path.hasSuffix("/proposal") { return GatewayMethods.propose.access }
        if path.hasSuffix("/field-reports") { return GatewayMethods.fieldReport.access }
        if path.hasSuffix("/scan") { return EvacuationMethods.scan.access }
        return GatewayMethods.reportIncident.access  // POST /api/incidents
    }
}
