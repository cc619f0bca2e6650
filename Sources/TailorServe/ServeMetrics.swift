import Foundation

/// Counters and a latency histogram, written as Prometheus text (format 0.0.4)
/// at `GET /metrics`:
///
/// ```
/// # TYPE tailor_renders_total counter
/// tailor_renders_total{campaign="spring_sale"} 1042
/// # TYPE tailor_render_failures_total counter
/// tailor_render_failures_total{reason="undefined_attribute"} 3
/// # TYPE tailor_render_duration_seconds histogram
/// tailor_render_duration_seconds_bucket{le="0.005"} 998
/// ...
/// ```
final class ServeMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private struct State {
        var renders: [String: Int] = [:]
        var failures: [String: Int] = [:]
        var skipped = 0
        var replays = 0
        var reloads: [String: Int] = ["ok": 0, "failed": 0]
        var responses: [Int: Int] = [:]
        var bucketCounts = [Int](repeating: 0, count: ServeMetrics.buckets.count)
        var latencyCount = 0
        var latencySum = 0.0
    }

    private let state = LockedValue(State())

    /// A message rendered for `campaign` (replays are not renders).
    func rendered(campaign: String) { state.withLock { $0.renders[campaign, default: 0] += 1 } }
    /// A render request refused or failed, by error code.
    func failed(reason: String) { state.withLock { $0.failures[reason, default: 0] += 1 } }
    func skipped() { state.withLock { $0.skipped += 1 } }
    func replayed() { state.withLock { $0.replays += 1 } }
    func reloaded(ok: Bool) { state.withLock { $0.reloads[ok ? "ok" : "failed", default: 0] += 1 } }
    func responded(status: Int) { state.withLock { $0.responses[status, default: 0] += 1 } }

    /// One render request's time, from its first byte read to its answer.
    func observe(seconds: Double) {
        state.withLock { s in
            for (i, bound) in Self.buckets.enumerated() where seconds <= bound { s.bucketCounts[i] += 1 }
            s.latencyCount += 1
            s.latencySum += seconds
        }
    }

    /// Failures counted under `reason` so far (tests read it).
    func failures(_ reason: String) -> Int { state.withLock { $0.failures[reason] ?? 0 } }

    /// The exposition text; `campaigns` and `generation` describe the catalog now.
    func text(campaigns: Int, generation: Int, idempotencyKeys: Int) -> String {
        let s = state.withLock { $0 }
        var out = ""
        func family(_ name: String, _ type: String, _ help: String) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        }
        func sample(_ name: String, _ labels: [(String, String)], _ value: String) {
            let text = labels.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",")
            out += labels.isEmpty ? "\(name) \(value)\n" : "\(name){\(text)} \(value)\n"
        }
        family("tailor_renders_total", "counter", "Messages rendered, by campaign (idempotent replays not included).")
        for (campaign, n) in s.renders.sorted(by: { $0.key < $1.key }) { sample("tailor_renders_total", [("campaign", campaign)], "\(n)") }
        family("tailor_render_failures_total", "counter", "Render requests answered with an error, by reason.")
        for (reason, n) in s.failures.sorted(by: { $0.key < $1.key }) { sample("tailor_render_failures_total", [("reason", reason)], "\(n)") }
        family("tailor_render_skipped_total", "counter", "Recipients the template chose to skip.")
        sample("tailor_render_skipped_total", [], "\(s.skipped)")
        family("tailor_idempotent_replays_total", "counter", "Requests answered from the Idempotency-Key store.")
        sample("tailor_idempotent_replays_total", [], "\(s.replays)")
        family("tailor_idempotency_keys", "gauge", "Idempotency keys held.")
        sample("tailor_idempotency_keys", [], "\(idempotencyKeys)")
        family("tailor_render_duration_seconds", "histogram", "Time to answer a render request.")
        for (i, bound) in Self.buckets.enumerated() {
            sample("tailor_render_duration_seconds_bucket", [("le", Self.number(bound))], "\(s.bucketCounts[i])")
        }
        sample("tailor_render_duration_seconds_bucket", [("le", "+Inf")], "\(s.latencyCount)")
        sample("tailor_render_duration_seconds_sum", [], Self.number(s.latencySum))
        sample("tailor_render_duration_seconds_count", [], "\(s.latencyCount)")
        family("tailor_template_reloads_total", "counter", "Template reloads, by result (a failed one keeps the old version).")
        for (result, n) in s.reloads.sorted(by: { $0.key < $1.key }) { sample("tailor_template_reloads_total", [("result", result)], "\(n)") }
        family("tailor_campaigns", "gauge", "Campaigns served.")
        sample("tailor_campaigns", [], "\(campaigns)")
        family("tailor_catalog_generation", "gauge", "Successful template loads since start (1 = the first).")
        sample("tailor_catalog_generation", [], "\(generation)")
        family("tailor_http_responses_total", "counter", "Responses, by HTTP status.")
        for (status, n) in s.responses.sorted(by: { $0.key < $1.key }) { sample("tailor_http_responses_total", [("status", "\(status)")], "\(n)") }
        return out
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Label values escape backslash, quote and newline.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
