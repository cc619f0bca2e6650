import Foundation

/// Delivers a batch of messages over SMTP, retrying transient failures.
///
/// Every message is tried in order over one connection; a 4yz reply gets one prompt
/// second try. Those still answered with a 4yz reply (or caught by a dropped
/// connection) are tried again in the next round,
/// after a back-off that doubles each round, until ``SMTPConfiguration/maxAttempts``.
/// A 5yz reply fails that recipient at once (RFC 5321 4.2.1: the client "SHOULD NOT
/// repeat the exact request"). Every envelope gets exactly one outcome, in input order.
///
/// ```swift
/// let delivery = SMTPDelivery(configuration: try SMTPConfiguration(url: "smtp://127.0.0.1:2525"))
/// let outcomes = delivery.deliver(messages.map { SMTPEnvelope($0) })
/// for outcome in outcomes { /* manifest: outcome.status, outcome.attempts, outcome.reply */ }
/// ```
public struct SMTPDelivery: Sendable {
    /// Where and how to submit.
    public let configuration: SMTPConfiguration

    /// A delivery through `configuration`.
    public init(configuration: SMTPConfiguration) {
        self.configuration = configuration
    }

    /// Submits every envelope; `progress` sees each final outcome as it is known.
    public func deliver(
        _ envelopes: [SMTPEnvelope], progress: ((DeliveryOutcome) -> Void)? = nil
    ) -> [DeliveryOutcome] {
        let client = SMTPClient(configuration: configuration)
        defer { client.quit() }
        var outcomes = [DeliveryOutcome?](repeating: nil, count: envelopes.count)
        var attempts = [Int](repeating: 0, count: envelopes.count)
        var pending = Array(envelopes.indices)
        var round = 0
        while !pending.isEmpty {
            if round > 0 {
                Thread.sleep(forTimeInterval: configuration.backoff(round: round))
            }
            var retry: [Int] = []
            for index in pending {
                attempts[index] += 1
                let envelope = envelopes[index]
                var outcome: DeliveryOutcome?
                var result = client.submit(envelope)
                // One prompt second try in the first round: a server that refuses now
                // and then (load shedding) should not push a message to the end.
                if round == 0, case .transient = result, attempts[index] < configuration.maxAttempts {
                    Thread.sleep(forTimeInterval: min(configuration.initialBackoff, 0.05))
                    attempts[index] += 1
                    result = client.submit(envelope)
                }
                switch result {
                case .accepted(let reply):
                    outcome = DeliveryOutcome(
                        recipientID: envelope.recipientID, delivered: true, attempts: attempts[index],
                        reply: reply.description)
                case .permanent(let reason):
                    outcome = DeliveryOutcome(
                        recipientID: envelope.recipientID, delivered: false, attempts: attempts[index], reply: reason)
                case .transient(let reason):
                    if attempts[index] >= configuration.maxAttempts {
                        outcome = DeliveryOutcome(
                            recipientID: envelope.recipientID, delivered: false, attempts: attempts[index],
                            reply: "gave up after \(attempts[index]) attempt\(attempts[index] == 1 ? "" : "s"): \(reason)",
                            gaveUp: true)
                    } else {
                        retry.append(index)
                    }
                }
                if let outcome {
                    outcomes[index] = outcome
                    progress?(outcome)
                }
            }
            pending = retry
            round += 1
        }
        return outcomes.map { $0! }
    }
}
