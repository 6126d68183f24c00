import Hummingbird
import Logging

/// Answers every error a route throws — the gateway's refusals, a body that does not decode, an
/// unknown path — as an `APIError` (`{"error": …, "message": …}` with its HTTP status); a declared path
/// asked with a method it does not take is 405 with `Allow`.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let declared: DeclaredRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && !declared.methods(for: request.uri.path).isEmpty {
            let allowed = declared.methods(for: request.uri.path)
            var response = try APIError(.methodNotAllowed, "unimplemented",
                                        "\(request.uri.path) takes \(allowed.joined(separator: ", ")), not \(request.method)")
                .response(from: request, context: context)
            response.headers[.allow] = allowed.joined(separator: ", ")
            return response
        } catch {
            let answer = APIError(error)
            if answer.status.code >= 500 {
                context.logger.notice("HTTP request failed", metadata: [
                    "path": "\(request.uri.path)", "status": "\(answer.status.code)", "error": "\(answer.message)",
                ])
            }
            return try answer.response(from: request, context: context)
        }
    }
}
