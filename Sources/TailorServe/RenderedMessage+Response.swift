import HTTPTypes
import Hummingbird
import TailorMIME
import TailorTemplate

extension RenderedMessage {
    /// The answer in the asked-for form. `replayed` marks an answer from the
    /// idempotency store (`Idempotent-Replayed: true`).
    func response(_ format: ResponseFormat, replayed: Bool) -> Response {
        var headers: HTTPFields = [:]
        headers[ServeHeaders.segment] = segment
        if replayed { headers[ServeHeaders.replayed] = "true" }
        guard let message else {
            headers[ServeHeaders.skipped] = skipReason ?? "skipped"
            switch format {
            case .rfc822: return Response(status: .noContent, headers: headers)
            case .json: return JSONResponse.make(skippedJSON, headers: headers)
            }
        }
        headers[ServeHeaders.messageID] = message.messageID
        switch format {
        case .rfc822:
            headers[.contentType] = "message/rfc822"
            return JSONResponse.bytesResponse(message.bytes, status: .ok, headers: headers)
        case .json:
            return JSONResponse.make(json(message), headers: headers)
        }
    }

    /// Subject, bodies, headers and the raw message, with where it came from.
    private func json(_ message: MailMessage) -> Value {
        var fields = Dict()
        for field in message.headers { fields[.string(field.name)] = .string(field.value) }
        return JSONResponse.object([
            ("status", "rendered"),
            ("campaign", .string(campaign)),
            ("recipient_id", .string(message.recipientID)),
            ("segment", .string(segment)),
            ("segments", .list(segments.map(Value.string))),
            ("message_id", .string(message.messageID)),
            ("from", .string(message.from.description)),
            ("to", .string(message.to.description)),
            ("subject", .string(message.subject)),
            ("html", .string(message.html)),
            ("text", .string(message.text)),
            ("headers", .dict(fields)),
            ("bytes", .int(message.size)),
            ("sha256", .string(message.sha256)),
            ("raw", .string(message.raw)),
        ])
    }

    private var skippedJSON: Value {
        JSONResponse.object([
            ("status", "skipped"),
            ("campaign", .string(campaign)),
            ("recipient_id", .string(recipientID)),
            ("segment", .string(segment)),
            ("segments", .list(segments.map(Value.string))),
            ("reason", .string(skipReason ?? "")),
        ])
    }
}

/// Response headers of the render endpoint.
enum ServeHeaders {
    static let segment = HTTPField.Name("Tailor-Segment")!
    static let messageID = HTTPField.Name("Tailor-Message-ID")!
    static let skipped = HTTPField.Name("Tailor-Skipped")!
    static let replayed = HTTPField.Name("Idempotent-Replayed")!
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
}
