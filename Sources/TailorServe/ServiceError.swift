import HTTPTypes
import TailorTemplate

/// A request the service answers with an error: an HTTP status, a stable
/// machine-readable code, a message for people, and details where they help
/// (the JSON position, the attribute and template line, the header).
///
/// Every error leaves as JSON:
///
/// ```json
/// {"error": {"code": "undefined_attribute", "message": "'first_name' is undefined",
///            "attribute": "first_name", "template": "email.html", "line": 3, "column": 12}}
/// ```
struct ServiceError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    /// Extra fields of the error object, in order.
    var details: [(String, Value)] = []

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String, details: [(String, Value)] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
    }

    /// The `{"error": {...}}` body.
    var body: Value {
        var error = Dict()
        error[.string("code")] = .string(code)
        error[.string("message")] = .string(message)
        for (key, value) in details { error[.string(key)] = value }
        var root = Dict()
        root[.string("error")] = .dict(error)
        return .dict(root)
    }

    /// The failure reason label `/metrics` counts this error under.
    var metricReason: String { code }
}

extension ServiceError {
    static func unauthorized() -> ServiceError {
        ServiceError(.unauthorized, "unauthorized", "a valid 'Authorization: Bearer <token>' header is required")
    }

    static func notFound(path: String) -> ServiceError {
        ServiceError(.notFound, "not_found", "no endpoint at \(path)")
    }

    static func unknownCampaign(_ name: String, known: [String]) -> ServiceError {
        ServiceError(
            .notFound, "unknown_campaign", "there is no campaign '\(name)'",
            details: [("campaigns", .list(known.map(Value.string)))])
    }

    static func bodyTooLarge(limit: Int) -> ServiceError {
        ServiceError(
            .contentTooLarge, "body_too_large", "the request body is over the limit of \(limit) bytes",
            details: [("limit", .int(limit))])
    }

    static func malformedJSON(_ error: JSONReadError) -> ServiceError {
        ServiceError(
            .badRequest, "malformed_json", "the body is not valid JSON: \(error.message) at line \(error.line), column \(error.column)",
            details: [("line", .int(error.line)), ("column", .int(error.column)), ("offset", .int(error.offset))])
    }

    /// A body that is JSON but not a render request; `field` is a path like `profile.email`.
    static func invalidRequest(_ message: String, field: String) -> ServiceError {
        ServiceError(.unprocessableContent, "invalid_request", message, details: [("field", .string(field))])
    }

    static func idempotencyConflict(key: String) -> ServiceError {
        ServiceError(
            .conflict, "idempotency_conflict",
            "the Idempotency-Key '\(key)' was used with a different request body",
            details: [("key", .string(key))])
    }

    static func notAcceptable(_ accept: String) -> ServiceError {
        ServiceError(
            .notAcceptable, "not_acceptable",
            "cannot answer with '\(accept)': ask for application/json or message/rfc822",
            details: [("accept", .string(accept))])
    }
}
