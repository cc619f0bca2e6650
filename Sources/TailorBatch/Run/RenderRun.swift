public import Foundation
public import TailorCampaign
import TailorConfig
import TailorData
import TailorHTML
public import TailorMIME
import TailorRecommendations
import TailorSegments
import TailorTemplate

/// One send, or one shard of it: profiles stream in, segments are assigned,
/// each recipient's message is rendered on `jobs` threads and written in
/// input order, and every recipient gets a manifest line.
///
/// Three stages overlap, joined by bounded queues so that memory stays flat
/// however large the send: a reader thread (profiles, events, segments, the
/// shard filter), the rendering threads, and the writer (the calling thread),
/// which puts chunks back in input order. The same inputs and send date give
/// the same bytes whatever the thread timing.
///
/// Before a message is written, the rendering threads refuse it when it would
/// show template syntax (``TemplateSyntaxGuard``) and validate its HTML as
/// ``RenderSettings/validate`` asks (``BodyValidation``); the writer applies
/// the verdicts in input order (``ValidationLedger``) and writes the findings
/// to `validation.jsonl`.
///
/// ```swift
/// var settings = RenderSettings(campaignFolder: "templates/spring_sale")
/// settings.format = .mbox
/// settings.shard = try Shard(parsing: "0/4")
/// let summary = try RenderRun(settings).run()
/// print(summary.line)
/// ```
///
/// A run that is killed leaves `manifest.jsonl.partial` (and, for mbox and
/// JSONL, the output under `.partial`); with ``RenderSettings/resume`` set,
/// the next run keeps what those record and renders the rest (see ``ResumePoint``).
public final class RenderRun: @unchecked Sendable {
    public let settings: RenderSettings
    public let campaign: Campaign
    public let templates: CampaignTemplates
    public let outDirectory: URL
    /// The profiles file read.
    public let profilesPath: String
    /// The send date, seconds since the epoch.
    public let sendSeconds: Int
    let renderer: SendRenderer
    let segmentRun: SegmentRun
    let layout: OutputLayout
    /// With ``RenderSettings/resume``, the record the interrupted run left.
    private let previousRun: RunRecord?
    /// The recommender's inputs, whose bad lines the summary lists.
    private let recommender: Recommender?
    private let stopLock = NSLock()
    private var stopRequested = false

    /// Loads and compiles everything a send needs; any error here stops the
    /// run before a single message is written.
    public init(_ settings: RenderSettings) throws {
        self.settings = settings
        let campaign = try Campaign.load(folder: settings.campaignFolder)
        self.campaign = campaign
        outDirectory = URL(fileURLWithPath: settings.outDirectory ?? "out/\(campaign.name)")
        layout = OutputLayout(directory: outDirectory, format: settings.format, shard: settings.shard)
        let recordURL = outDirectory.appendingPathComponent(layout.runRecordName)
        previousRun = settings.resume ? try RunRecord.readIfPresent(from: recordURL) : nil
        // Without a date given, a resumed run keeps the one the interrupted run
        // took from the clock: its Date, Message-IDs and `now` must not move.
        sendSeconds = settings.sendDate ?? campaign.sendDate ?? previousRun?.sendDate ?? Int(Date().timeIntervalSince1970)
        // RFC 5322 3.3: "year is any numeric year 1900 or later", in four digits.
        guard (-2_208_988_800...253_402_300_799).contains(sendSeconds) else {
            let source = settings.sendDate != nil ? "--send-date" : "the campaign's send_date"
            throw RenderSetupError(
                "\(source) \(CivilDate.isoString(ofSeconds: sendSeconds)) is outside the years 1900 to 9999 a Date "
                    + "header can carry (RFC 5322 3.3): give a date such as 2026-01-15T09:00:00Z (a typo in the year?)")
        }
        let setup = try CampaignSetup(campaign, now: sendSeconds, catalog: settings.catalog, events: settings.events)
        let recommender = setup.recommender
        self.recommender = recommender
        templates = setup.templates
        let sendDate = Date(timeIntervalSince1970: TimeInterval(sendSeconds))
        let recipientRenderer = try RecipientRenderer(
            templates: templates, sendID: "\(campaign.name)-\(sendSeconds)", sendDate: sendDate, recommender: recommender)
        var validation: BodyValidation?
        if settings.validate != .off {
            var policy = try ValidationPolicy.load(
                campaignFolder: settings.campaignFolder, extraRules: settings.extraValidationRules)
            if settings.allowTemplateSyntax { policy.overrides[Rule.templateSyntax.id] = .some(nil) }
            validation = BodyValidation(mode: settings.validate, policy: policy)
        }
        let records = settings.format.isSingleFile
            ? (settings.format, layout.writerOptions(includeRaw: settings.includeRaw)) : nil
        renderer = SendRenderer(
            renderer: recipientRenderer, validation: validation, guardsTemplateSyntax: !settings.allowTemplateSyntax,
            records: records)

        guard let profiles = settings.profiles ?? campaign.data.profiles else {
            throw RenderSetupError("\(campaign.path): no profiles: set data.profiles or pass --profiles")
        }
        profilesPath = profiles
        let segmentsFile: SegmentsFile
        if let path = settings.segments ?? campaign.data.segments {
            segmentsFile = try SegmentsFile.load(path: path, now: sendSeconds)
        } else {
            segmentsFile = SegmentsFile.none(campaignPath: campaign.path, now: sendSeconds)
        }
        segmentRun = SegmentRun(
            profiles: profiles, events: settings.events ?? campaign.data.events, segments: segmentsFile,
            format: ProfileFormat(idColumn: campaign.data.idColumn, emailColumn: campaign.data.emailColumn))
        if settings.resume, settings.format == .postmark {
            throw RenderSetupError(
                "--resume does not apply to --format postmark: its batch files are numbered across the whole run; "
                    + "render again without --resume")
        }
    }

    /// The manifest's path.
    public var manifestPath: String { layout.path(layout.manifestName) }

    /// Asks a run under way to stop after the chunk it is writing, leaving its
    /// output as a kill would (ready for ``RenderSettings/resume``); `run`
    /// then throws ``RenderInterrupted``. Safe from any thread.
    public func cancel() {
        stopLock.lock()
        stopRequested = true
        stopLock.unlock()
    }

    private var isCancelled: Bool {
        stopLock.lock()
        defer { stopLock.unlock() }
        return stopRequested
    }

    /// Refuses to resume a run made with other settings (campaign, format,
    /// send date, catalog, validation): its files, manifest and findings would
    /// not be what these settings give, and the finished output would mix both.
    private func checkResumable(_ previous: RunRecord?) throws {
        guard let previous else { return }
        func refuse(_ what: String, _ then: String, _ now: String, _ how: String) -> ResumeError {
            ResumeError("the interrupted run used \(what)\(then), this one \(now): \(how), or render again without --resume")
        }
        if previous.campaign != campaign.name {
            throw refuse("the campaign ", "'\(previous.campaign)'", "'\(campaign.name)'", "resume it with its own campaign")
        }
        if previous.format != settings.format.rawValue {
            throw refuse("--format ", previous.format, settings.format.rawValue, "resume it with --format \(previous.format)")
        }
        if previous.sendDate != sendSeconds {
            let then = CivilDate.isoString(ofSeconds: previous.sendDate)
            throw refuse("the send date ", then, CivilDate.isoString(ofSeconds: sendSeconds), "resume it with --send-date \(then)")
        }
        if previous.catalog != settings.catalog {
            let shown = { (path: String?) in path.map { "--catalog \($0)" } ?? "no --catalog" }
            throw refuse("", shown(previous.catalog), shown(settings.catalog), "resume it with the same catalog")
        }
        // Other events or segments assign other segments and picks: the kept
        // recipients and the rest would not be one send.
        for (option, then, now) in [("--events", previous.events, settings.events), ("--segments", previous.segments, settings.segments)]
        where then != now {
            let shown = { (path: String?) in path.map { "\(option) \($0)" } ?? "no \(option)" }
            throw refuse("", shown(then), shown(now), "resume it with the same \(option)")
        }
        if previous.validate != settings.validate.rawValue {
            throw ResumeError(
                "the interrupted run used --validate \(previous.validate); resume it with the same, or render again "
                    + "without --resume")
        }
        if (previous.allowTemplateSyntax ?? false) != settings.allowTemplateSyntax {
            let flag = settings.allowTemplateSyntax ? "without" : "with"
            throw ResumeError(
                "the interrupted run was rendered \(flag) --allow-template-syntax; resume it the same way, or render "
                    + "again without --resume")
        }
    }

    /// The bad lines of the files beside the profiles. The events file is read
    /// by the segment run when it has one, and by the recommender otherwise.
    private func dataFileWarnings(_ totals: RunTotals?) -> DataFileWarnings {
        var warnings = DataFileWarnings()
        if let recommender {
            warnings.add(recommender.catalog.badRows, role: "catalog")
            warnings.add(recommender.external?.badRows ?? BadRowLog(), role: "recommendations")
        }
        if segmentRun.eventsPath != nil {
            warnings.add(totals?.eventBadRows ?? BadRowLog(), role: "events")
        } else if let recommender {
            warnings.add(recommender.eventBadRows, role: "events")
        }
        warnings.add(totals?.externalBadRows ?? BadRowLog(), role: "segment assignments")
        return warnings
    }

    /// Puts a completed run's output back as it was when resuming it is
    /// refused before anything new was written: its manifest, single output
    /// file and findings under their final names (``ResumePoint`` moved them to
    /// `.partial` to re-check them) and, with `record`, its run record, so that
    /// `tailor manifest verify` still proves it. Without this, a refused resume
    /// (the input changed) left a complete send looking interrupted, and one
    /// that `--resume` could not finish. Nothing happens unless `previous`
    /// completed.
    private func restoreCompleted(_ previous: RunRecord?, record: URL?) {
        guard let previous, previous.complete else { return }
        var names = [layout.manifestName, layout.validationName]
        if let stream = layout.streamName { names.append(stream) }
        for name in names {
            let final = layout.path(name)
            let partial = OutputLayout.partial(final)
            if FileManager.default.fileExists(atPath: partial) { _ = rename(partial, final) }
        }
        if let record { try? previous.write(to: record) }
    }

    /// Creates the output folder, or says plainly why it cannot.
    static func createOutputFolder(_ folder: URL) throws {
        var path = folder.standardizedFileURL
        while path.path != "/" {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder) {
                if isFolder.boolValue { break }
                throw RenderSetupError("--out \(folder.path): the file \(path.path) is in the way; give a folder")
            }
            path = path.deletingLastPathComponent()
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RenderSetupError("--out \(folder.path): cannot create the folder (\(error.localizedDescription))")
        }
    }

    /// Renders every recipient of the shard; `progress` sees the running
    /// totals after each chunk is written.
    public func run(progress: ((RenderSummary) -> Void)? = nil) throws -> RenderSummary {
        let started = Date()
        try Self.createOutputFolder(outDirectory)
        let recordURL = outDirectory.appendingPathComponent(layout.runRecordName)
        if settings.resume {
            try checkResumable(previousRun)
        } else {
            PreviousRunFiles.remove(in: layout)
        }
        let point: ResumePoint
        do {
            point = settings.resume ? try ResumePoint.find(in: layout) : .none
        } catch let error as ResumeError {
            restoreCompleted(previousRun, record: nil)
            throw error
        }
        var record = RunRecord(
            campaign: campaign.name, profiles: profilesPath, format: settings.format.rawValue, sendDate: sendSeconds,
            shard: .init(index: settings.shard.index, count: settings.shard.count), manifest: layout.manifestName,
            validate: settings.validate.rawValue, catalog: settings.catalog)
        record.allowTemplateSyntax = settings.allowTemplateSyntax ? true : nil
        record.events = settings.events
        record.segments = settings.segments
        try record.write(to: recordURL)

        let assigner = try segmentRun.prepare()
        let options = layout.writerOptions(includeRaw: settings.includeRaw)
        let sink: any OutputSink =
            settings.format.isSingleFile
            ? try StreamSink(layout: layout, options: options, startingAt: point.streamBytes)
            : WriterSink(try settings.format.makeWriter(directory: outDirectory, options: options))
        let journal = try ManifestJournal(layout: layout, keepingBytes: point.manifestBytes)
        var findings: FindingsJournal?
        var ledger: ValidationLedger?
        if settings.validate != .off {
            var kept = FindingsJournal.Kept()
            let file = try FindingsJournal(
                layout: layout, resuming: settings.resume, keepingRecipients: point.recipients, mode: settings.validate,
                kept: &kept)
            findings = file
            ledger = ValidationLedger(mode: settings.validate, htmlTemplate: campaign.html, file: file.name, kept: kept)
        }
        let destination = Destination(sink: sink, journal: journal, findings: findings, ledger: ledger)

        let jobs = max(1, settings.jobs)
        let limit = InFlightLimit(settings.maxChunksInFlight)
        let queue = BoundedQueue<Chunk>(capacity: settings.maxChunksInFlight)
        let output = ReorderBuffer<RenderedChunk>()
        let feed = RecipientFeed(
            segmentRun: segmentRun, assigner: assigner, shard: settings.shard, resume: point,
            journalPath: OutputLayout.partial(manifestPath), chunkSize: settings.batchSize, limit: limit, queue: queue)
        let reading = DispatchGroup()
        reading.enter()
        let reader = Thread {
            feed.run()
            reading.leave()
        }
        reader.stackSize = 16 << 20
        reader.start()
        let workers = RenderWorkers(count: jobs, renderer: renderer, queue: queue, output: output)
        func stopPipeline() {
            limit.cancel()
            queue.cancel()
            output.cancel()
            reading.wait()
            workers.wait()
        }

        var summary = RenderSummary(campaign: campaign.name, outDirectory: outDirectory.path, manifest: manifestPath)
        summary.shard = settings.shard
        summary.validate = settings.validate
        summary.validation = ledger?.totals
        do {
            var sequence = 0
            while let chunk = output.take(sequence) {
                try write(chunk, to: destination, summary: &summary)
                limit.release()
                sequence += 1
                summary.inputLine = chunk.lastLine
                summary.seconds = Date().timeIntervalSince(started)
                progress?(summary)
                if isCancelled { throw RenderInterrupted() }
            }
        } catch {
            stopPipeline()
            throw error
        }
        reading.wait()
        workers.wait()
        if let failure = feed.failure {
            // Every recipient so far was the completed run's own: nothing was written.
            if failure is ResumeError, summary.resumed == summary.recipients {
                restoreCompleted(previousRun, record: recordURL)
            }
            throw failure
        }

        try sink.finish()
        if let findings {
            try findings.finish()
        } else {
            // Findings an earlier run left here would pass for this run's.
            try? FileManager.default.removeItem(atPath: layout.path(layout.validationName))
        }
        try journal.finish()
        summary.badRows = feed.totals?.badRows.count ?? 0
        summary.dataFileWarnings = dataFileWarnings(feed.totals)
        summary.seconds = Date().timeIntervalSince(started)
        record.complete = true
        record.input = .init(feed.input)
        record.shardInput = .init(feed.shardInput)
        record.counts = Dictionary(uniqueKeysWithValues: summary.byStatus.map { ($0.key.rawValue, $0.value) })
        record.resumed = summary.resumed
        record.validation = summary.validation
        record.seconds = (summary.seconds * 1000).rounded() / 1000
        try record.write(to: recordURL)
        return summary
    }
}
