import TailorMIME

extension RenderRun {
    /// Writes a chunk in input order, delivering it first when asked, and
    /// records each recipient in the manifest: messages first, then their
    /// manifest lines, each flushed, so a line never names a missing message.
    func write(
        _ chunk: RenderedChunk, sink: any OutputSink, journal: ManifestJournal, summary: inout RenderSummary
    ) throws {
        var delivery: [String: DeliveryOutcome] = [:]
        if let smtp = settings.deliver {
            let envelopes = chunk.results.compactMap { result -> SMTPEnvelope? in
                if case .outcome(.rendered(let message, _)) = result { return SMTPEnvelope(message) }
                return nil
            }
            for result in SMTPDelivery(configuration: smtp).deliver(envelopes) {
                delivery[result.recipientID] = result
            }
        }
        var entries: [ManifestEntry] = []
        entries.reserveCapacity(chunk.results.count)
        for result in chunk.results {
            switch result {
            case .resumed(let entry):
                summary.count(entry, resumed: true)
                continue
            case .outcome(.rendered(let message, let segment)):
                var entry: ManifestEntry
                do {
                    let file = try sink.write(message)
                    entry = .rendered(message, file: file, segment: segment)
                    if let result = delivery[message.recipientID] {
                        entry.status = result.status
                        entry.attempts = result.attempts
                        entry.smtpReply = result.reply
                        if !result.delivered { entry.reason = result.reply }
                    }
                } catch {
                    entry = ManifestEntry(
                        recipientID: message.recipientID, status: .failed, segment: segment, reason: "\(error)")
                }
                entries.append(entry)
            case .outcome(.skipped(let id, let segment, let reason)):
                entries.append(ManifestEntry(recipientID: id, status: .skipped, segment: segment, reason: reason))
            case .outcome(.failed(let id, let segment, let reason)):
                entries.append(ManifestEntry(recipientID: id, status: .failed, segment: segment, reason: reason))
            }
        }
        try sink.flush()
        for entry in entries {
            try journal.append(entry)
            summary.count(entry, resumed: false)
        }
        try journal.flush()
    }
}
