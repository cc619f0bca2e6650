import Foundation
import HTTPTypes
import Hummingbird
import TailorTemplate

/// The form a rendered message is answered in: `?format=` decides when given
/// (`json`, `eml` or `rfc822`), else the `Accept` header; JSON by default.
enum ResponseFormat: Sendable {
    case json
    case rfc822

    static func negotiate(_ request: Request) throws(ServiceError) -> ResponseFormat {
        if let format = request.uri.queryParameters.get("format") {
            switch format.lowercased() {
            case "json": return .json
            case "eml", "rfc822": return .rfc822
            default:
                throw ServiceError(
                    .badRequest, "invalid_format", "format '\(format)' is not one of json, eml, rfc822",
                    details: [("field", .string("format"))])
            }
        }
        guard let accept = request.headers[.accept], !accept.isEmpty else { return .json }
        // The first listed type we can give wins (q-values are not weighed).
        for item in accept.split(separator: ",") {
            let type = item.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            switch type {
            case "message/rfc822": return .rfc822
            case "application/json", "application/*", "*/*": return .json
            default: continue
            }
        }
        throw .notAcceptable(accept)
    }
}
