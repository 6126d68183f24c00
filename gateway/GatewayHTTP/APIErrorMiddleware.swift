import Hummingbird
import Logging

/// Answers every error a route throws — the gateway's refusals, a body that does not decode, an
/// unknown path — as an `APIError` (`{"error": …, "message": …}` with its HTTP status).
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
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
