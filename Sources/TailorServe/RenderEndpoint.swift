import HTTPTypes
import Foundation
import Hummingbird
import NIOCore
import TailorBatch
import TailorData
import TailorMIME
import TailorSegments
import TailorTemplate

/// `POST /v1/campaigns/{name}/render`: one recipient's message.
///
/// The body is read (up to the size limit), parsed, assigned its segments and
/// rendered on a ``RenderThreads`` thread, from the catalog snapshot current
/// when the request arrived, and refused when ``MessageGuards`` say so. With
/// an `Idempotency-Key`, the ``IdempotencyStore`` decides whether to render at
/// all, and the key fixes the Message-ID (a retry after the key expired still
/// gets the same id).
struct RenderEndpoint: Sendable {
    let catalog: CampaignCatalog
    let store: IdempotencyStore
    let threads: RenderThreads
    let metrics: ServeMetrics
    let maxBodyBytes: Int
    /// False with `--allow-template-syntax`.
    let guardsTemplateSyntax: Bool

    func handle(_ request: Request, name: String) async -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await answer(request, name: name)
        } catch {
            metrics.failed(reason: error.metricReason)
            response = JSONResponse.error(error)
        }
        let elapsed = ContinuousClock.now - started
        metrics.observe(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        return response
    }

    private func answer(_ request: Request, name: String) async throws(ServiceError) -> Response {
        let snapshot = catalog.current
        guard let campaign = snapshot.campaigns[name] else { throw .unknownCampaign(name, known: snapshot.names) }
        let format = try ResponseFormat.negotiate(request)
        let body = try await readBody(request)
        let result: RenderResult
        var replayed = false
        if let key = try idempotencyKey(request) {
            var hasher = SHA256Hasher()
            hasher.update(campaign.name)
            hasher.update([0])
            hasher.update(body)
            let digest = hasher.finalizeHex()
            let sendID = "\(campaign.name)-" + String(SHA256Hasher.hex(of: "tailor.idempotency\u{0}\(key)").prefix(16))
            switch await store.result(key: key, digest: digest, render: { await render(body, campaign, sendID: sendID) }) {
            case .conflict: throw .idempotencyConflict(key: key)
            case .result(let r, let wasReplayed):
                result = r
                replayed = wasReplayed
            }
        } else {
            let sendID = "\(campaign.name)-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
            result = await render(body, campaign, sendID: sendID)
        }
        switch result {
        case .failure(let error): throw error
        case .success(let rendered):
            if replayed {
                metrics.replayed()
            } else if rendered.message == nil {
                metrics.skipped()
            } else {
                metrics.rendered(campaign: campaign.name)
            }
            return rendered.response(format, replayed: replayed)
        }
    }

    /// Parses, assigns and renders on a render thread.
    private func render(_ body: [UInt8], _ campaign: LoadedCampaign, sendID: String) async -> RenderResult {
        await threads.run {
            do throws(ServiceError) {
                let parsed = try RenderRequest.parse(body, format: campaign.format)
                let assignment = try TriggeredAssignment.assign(parsed, in: campaign)
                let renderer: RecipientRenderer
                do {
                    renderer = try campaign.renderer(sendID: sendID, sendDate: Date())
                } catch {
                    throw ServiceError(.internalServerError, "campaign_error", "\(error)")
                }
                let answer = RenderedMessage(
                    campaign: campaign.name, recipientID: parsed.profile.id, segment: assignment.segment,
                    segments: assignment.segments)
                let guards = MessageGuards(renderer: renderer, templateSyntax: guardsTemplateSyntax, htmlCharacters: true)
                switch renderer.render(parsed.profile, assignment, guards: guards) {
                case .rendered(let message, _):
                    return .success(answer.with(message: message))
                case .skipped(_, _, let reason):
                    return .success(answer.with(skipReason: reason))
                case .failed(_, _, let reason):
                    throw RenderDiagnosis.error(
                        reason: reason, templates: campaign.templates, recommender: campaign.recommender,
                        context: assignment.context, email: parsed.profile.email)
                }
            } catch {
                return .failure(error)
            }
        }
    }

    /// The body, refused with 413 as soon as it is known to be over the limit.
    private func readBody(_ request: Request) async throws(ServiceError) -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodyBytes {
            throw .bodyTooLarge(limit: maxBodyBytes)
        }
        var bytes: [UInt8] = []
        do {
            for try await chunk in request.body {
                guard bytes.count + chunk.readableBytes <= maxBodyBytes else { throw ServiceError.bodyTooLarge(limit: maxBodyBytes) }
                bytes.append(contentsOf: chunk.readableBytesView)
            }
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError(.badRequest, "unreadable_body", "the request body could not be read: \(error)")
        }
        return bytes
    }

    /// The `Idempotency-Key` header: 1 to 255 printable ASCII characters.
    private func idempotencyKey(_ request: Request) throws(ServiceError) -> String? {
        guard let key = request.headers[ServeHeaders.idempotencyKey] else { return nil }
        guard !key.isEmpty, key.utf8.count <= 255, key.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7e }) else {
            throw ServiceError(
                .badRequest, "invalid_idempotency_key", "Idempotency-Key must be 1 to 255 printable ASCII characters",
                details: [("field", .string("Idempotency-Key"))])
        }
        return key
    }
}

extension RenderedMessage {
    fileprivate func with(message: MailMessage) -> RenderedMessage {
        var copy = self
        copy.message = message
        return copy
    }

    fileprivate func with(skipReason: String) -> RenderedMessage {
        var copy = self
        copy.skipReason = skipReason
        return copy
    }
}
