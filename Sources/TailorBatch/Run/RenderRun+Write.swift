import TailorMIME

extension RenderRun {
    /// Where a chunk's results go: the messages, the manifest, and with
    /// validation on, the findings and their ledger.
    struct Destination {
        let sink: any OutputSink
        let journal: ManifestJournal
        let findings: FindingsJournal?
        let ledger: ValidationLedger?
    }

    /// Writes a chunk in input order: applies validation's verdicts, delivers
    /// what is still to send when asked, then writes the messages, their
    /// findings and their manifest lines, each flushed in that order, so a
    /// manifest line never names a missing message or findings. When the SMTP
    /// server took none of the chunk's messages, nothing of it is written and
    /// the run stops with ``DeliveryStopped``.
    func write(_ chunk: RenderedChunk, to destination: Destination, summary: inout RenderSummary) throws {
        var decided: [(outcome: RenderOutcome, variant: String?, record: [UInt8]?)] = []
        decided.reserveCapacity(chunk.results.count)
        var records: [FindingRecord] = []
        for result in chunk.results {
            switch result {
            case .resumed(let entry):
                destination.ledger?.replay(entry)
                summary.count(entry, resumed: true)
            case .outcome(let recipient):
                var outcome = recipient.outcome
                if let ledger = destination.ledger {
                    let judged = ledger.judge(recipient.validation, recipientID: outcome.recipientID)
                    records += judged.records
                    if let failure = judged.failure, case .rendered(let message, let segment) = outcome {
                        outcome = .failed(recipientID: message.recipientID, segment: segment, reason: failure)
                        ledger.countFailure()
                    }
                }
                decided.append((outcome, recipient.validation?.variant, recipient.record))
            }
        }
        let delivery = try deliver(decided.map(\.outcome))
        var entries: [ManifestEntry] = []
        entries.reserveCapacity(decided.count)
        for (outcome, variant, record) in decided {
            var entry: ManifestEntry
            switch outcome {
            case .rendered(let message, let segment):
                do {
                    let file = try destination.sink.write(message, record: record)
                    entry = .rendered(message, file: file, segment: segment)
                    if let result = delivery[message.recipientID] {
                        entry.status = result.status
                        entry.attempts = result.attempts
                        entry.smtpReply = result.reply
                        if !result.delivered { entry.reason = result.reply }
                    }
                } catch {
                    if Self.stopsTheRun(error) { throw error }
                    entry = ManifestEntry(
                        recipientID: message.recipientID, status: .failed, segment: segment, reason: "\(error)")
                }
            case .skipped(let id, let segment, let reason):
                entry = ManifestEntry(recipientID: id, status: .skipped, segment: segment, reason: reason)
            case .failed(let id, let segment, let reason):
                entry = ManifestEntry(recipientID: id, status: .failed, segment: segment, reason: reason)
            }
            entry.variant = variant
            entries.append(entry)
        }
        try destination.sink.flush()
        if let findings = destination.findings {
            for record in records { try findings.append(record) }
            try findings.flush()
        }
        for entry in entries {
            try destination.journal.append(entry)
            summary.count(entry, resumed: false)
        }
        try destination.journal.flush()
        if let ledger = destination.ledger { summary.validation = ledger.totals }
    }

    /// Whether a write error is the output's rather than the message's (a full
    /// disk, a quota, a folder gone): the run stops there, and `--resume` writes
    /// the message again once the cause is fixed. Recording it failed would keep
    /// it failed for good, and every message after it would fail the same way.
    /// A message a format cannot carry (a size limit, a repeated id) fails alone.
    public static func stopsTheRun(_ error: any Error) -> Bool {
        if error is BatchIOError { return true }
        if case .io? = error as? MIMEError { return true }
        return false
    }

    /// Submits the rendered messages over SMTP when the run delivers; the
    /// results by recipient id. Throws ``DeliveryStopped`` when none went out.
    private func deliver(_ outcomes: [RenderOutcome]) throws -> [String: DeliveryOutcome] {
        guard let smtp = settings.deliver else { return [:] }
        let envelopes = outcomes.compactMap { outcome -> SMTPEnvelope? in
            if case .rendered(let message, _) = outcome { return SMTPEnvelope(message) }
            return nil
        }
        let results = SMTPDelivery(configuration: smtp).deliver(envelopes)
        if let stopped = DeliveryStopped(results) { throw stopped }
        var delivery: [String: DeliveryOutcome] = [:]
        for result in results {
            delivery[result.recipientID] = result
        }
        return delivery
    }
}
