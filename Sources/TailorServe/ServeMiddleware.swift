import HTTPTypes
import Hummingbird
import Logging
import TailorTemplate

/// Wraps every route: the bearer token (all but `/healthz`), errors as JSON
/// with fitting statuses (including the router's own 404), and the status
/// counts of `/metrics`.
struct ServeMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let token: BearerToken?
    let metrics: ServeMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response: Response
        if let token, request.uri.path != "/healthz", !token.accepts(authorization: request.headers[.authorization]) {
            var refused = JSONResponse.error(.unauthorized())
            refused.headers[.wwwAuthenticate] = "Bearer realm=\"tailor\""
            response = refused
        } else {
            do {
                response = try await next(request, context)
            } catch let error as ServiceError {
                response = JSONResponse.error(error)
            } catch let error as any HTTPResponseError {
                response = JSONResponse.error(Self.serviceError(error.status, path: request.uri.path))
            } catch {
                context.logger.error("unexpected error", metadata: ["error": "\(error)"])
                response = JSONResponse.error(ServiceError(.internalServerError, "internal_error", "the request could not be answered"))
            }
        }
        metrics.responded(status: response.status.code)
        return response
    }

    /// The router's and Hummingbird's own errors, worded for this service.
    static func serviceError(_ status: HTTPResponse.Status, path: String) -> ServiceError {
        switch status {
        case .notFound: return .notFound(path: path)
        case .methodNotAllowed: return ServiceError(status, "method_not_allowed", "\(path) does not take this method")
        case .contentTooLarge: return ServiceError(status, "body_too_large", "the request body is too large")
        default: return ServiceError(status, "http_error", status.reasonPhrase)
        }
    }
}
