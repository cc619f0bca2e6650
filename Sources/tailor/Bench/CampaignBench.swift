import TailorTemplate

/// Renders the reference campaign (`shared/bench/campaign`) for every context the
/// way the Jinja2 and MiniJinja baselines do, so the figures compare:
///
/// - the loader is rooted at the campaign folder; `subject.txt`, `email.html` and
///   `email.txt` are compiled once before any recipient;
/// - `*.html` templates autoescape (Jinja's `select_autoescape(["html"])`), the
///   `.txt` ones do not, so HTML and text each get their own environment;
/// - undefined is strict, and `campaign.json` is the global `campaign`;
/// - each recipient is one line of `contexts.jsonl`, parsed and rendered three
///   times (subject, HTML, text); the UTF-8 lengths are summed.
///
/// Wall time covers everything after argument parsing, compilation and reading
/// the contexts included, like the baselines' `harness.py`.
struct CampaignBench {
    var campaignFolder: String
    var contextsPath: String
    var limit: Int?
    var htmlOnly = false

    /// What one run measured.
    struct Outcome: Sendable {
        var workers = 1
        var recipients = 0
        var failed = 0
        var outputBytes = 0
        var wallSeconds = 0.0
        /// Nanoseconds summed over workers.
        var parseNanos: UInt64 = 0
        var renderNanos: UInt64 = 0
        var errors: [String] = []

        mutating func merge(_ other: Outcome) {
            recipients += other.recipients
            failed += other.failed
            outputBytes += other.outputBytes
            parseNanos += other.parseNanos
            renderNanos += other.renderNanos
            errors += other.errors
        }
    }

    /// Recipients handed to a worker at a time.
    static let chunkSize = 50

    func run(workers: Int) throws -> Outcome {
        let start = Stopwatch.now()
        let campaign = try InputFiles.json(from: campaignFolder + "/campaign.json", role: "campaign file")
        let loader = FileSystemLoader(root: campaignFolder)
        let htmlEnvironment = Environment(loader: loader, options: Options(autoescape: true, undefined: .strict))
        let textEnvironment = Environment(loader: loader, options: Options(autoescape: false, undefined: .strict))
        htmlEnvironment.addGlobal("campaign", campaign)
        textEnvironment.addGlobal("campaign", campaign)
        let subject = try textEnvironment.template(named: "subject.txt")
        let html = try htmlEnvironment.template(named: "email.html")
        let text = try textEnvironment.template(named: "email.txt")

        let bytes = try InputFiles.bytes(of: contextsPath, role: "contexts file")
        var lines = JSONLines.lines(of: bytes)
        if let limit, lines.count > limit { lines.removeLast(lines.count - limit) }

        let totals = Locked(Outcome())
        let next = Counter()
        let htmlOnly = self.htmlOnly
        Parallel.run(workers: workers) { [lines] _ in
            var local = Outcome()
            // One per worker: it keeps the contexts' keys and layout from one to the next.
            let reader = JSONRecordReader()
            while true {
                let first = next.take() * Self.chunkSize
                guard first < lines.count else { break }
                var buffer: [UInt8] = []
                buffer.reserveCapacity(64 << 10)
                for (number, range) in lines[first..<min(first + Self.chunkSize, lines.count)] {
                    let t0 = Stopwatch.now()
                    // Read as a record: the renders take the decoded object as it is.
                    let context: Dict
                    do {
                        context = try reader.readRecord(bytes[range])
                    } catch {
                        local.failed += 1
                        local.errors.append("line \(number): invalid JSON: \(error)")
                        continue
                    }
                    let t1 = Stopwatch.now()
                    local.parseNanos += t1 - t0
                    do {
                        // One reusable byte buffer per thread, as a send pipeline renders.
                        buffer.removeAll(keepingCapacity: true)
                        if !htmlOnly { try subject.render(context, into: &buffer) }
                        try html.render(context, into: &buffer)
                        if !htmlOnly { try text.render(context, into: &buffer) }
                        local.outputBytes += buffer.count
                        local.recipients += 1
                    } catch {
                        local.failed += 1
                        if local.errors.count < 5 {
                            let who = context[string: "recipient_id"]?.displayString ?? "line \(number)"
                            let what = (error as? TemplateError).map { "\($0.kind.rawValue): \($0.message)" } ?? "\(error)"
                            local.errors.append("\(who): \(what)")
                        }
                    }
                    local.renderNanos += Stopwatch.now() - t1
                }
            }
            totals.withLock { $0.merge(local) }
        }
        var outcome = totals.withLock { $0 }
        outcome.workers = workers
        outcome.wallSeconds = Double(Stopwatch.now() - start) / 1e9
        return outcome
    }
}

extension CampaignBench.Outcome {
    var recipientsPerSecond: Double { wallSeconds > 0 ? Double(recipients) / wallSeconds : 0 }

    /// The human summary and the machine-readable `RESULT {json}` line, shaped
    /// like the baselines' so one script reads all three.
    func report(engine: String, mode: String) -> String {
        func rounded(_ x: Double, _ places: Double) -> Value {
            let scale = places == 1 ? 10.0 : places == 2 ? 100.0 : 1000.0
            return .float((x * scale).rounded() / scale)
        }
        let megabytesPerSecond = wallSeconds > 0 ? Double(outputBytes) / 1e6 / wallSeconds : 0
        // Keys sorted, as the baselines print them (json.dumps(sort_keys=True)).
        let phases = Dict([
            ("mime", .float(0)), ("parse", rounded(Double(parseNanos) / 1e9, 3)),
            ("render", rounded(Double(renderNanos) / 1e9, 3)), ("write", .float(0)),
        ])
        let result = Dict([
            ("engine", .string(engine)), ("failed", .int(failed)), ("mb_per_s", rounded(megabytesPerSecond, 2)),
            ("mode", .string(mode)), ("out", .none), ("output_bytes", .int(outputBytes)), ("phase_s", .dict(phases)),
            ("recipients", .int(recipients)), ("recipients_per_s", rounded(recipientsPerSecond, 1)),
            ("wall_s", rounded(wallSeconds, 3)), ("workers", .int(workers)),
        ])
        var lines = [
            "\(engine)  mode=\(mode)  workers=\(workers)",
            "recipients: \(recipients) rendered, \(failed) failed",
        ]
        lines += errors.prefix(5).map { "  error: \($0)" }
        lines.append(
            "wall: \(format(wallSeconds, 3)) s   throughput: \(format(recipientsPerSecond, 1)) recipients/s"
                + " (\(format(recipientsPerSecond * (mode == "render" ? 3 : 1), 1)) templates/s)")
        let label = mode == "render" ? "rendered bytes (subject+html+text, UTF-8)" : "rendered bytes (html, UTF-8)"
        lines.append("\(label): \(outputBytes) (\(format(megabytesPerSecond, 2)) MB/s)")
        lines.append(
            "phases (s, summed over workers): parse=\(format(Double(parseNanos) / 1e9, 3))"
                + "  render=\(format(Double(renderNanos) / 1e9, 3))")
        lines.append("RESULT " + JSONValueWriter.string(.dict(result)))
        return lines.joined(separator: "\n") + "\n"
    }

    private func format(_ x: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let whole = Int((x * scale).rounded())
        let integer = whole / Int(scale)
        let fraction = String(whole % Int(scale))
        return "\(integer)." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
