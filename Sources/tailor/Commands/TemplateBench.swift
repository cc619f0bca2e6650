import ArgumentParser
import TailorTemplate

/// `tailor template bench`: the reference campaign over its contexts, timed.
struct TemplateBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure rendering speed on the reference campaign.",
        discussion: """
            Compiles subject.txt, email.html and email.txt from CAMPAIGN_DIR once, \
            then renders all three for every line of CONTEXTS.jsonl: first on one \
            thread, then on --jobs threads. Setup matches the Jinja2 and MiniJinja \
            baselines in shared/bench (autoescape for .html, strict undefined, \
            campaign.json as the global 'campaign'), and each run ends with a \
            'RESULT {json}' line shaped like theirs. Wall time includes compiling \
            and reading the contexts.

            bench/run-engine-bench.py runs this beside Jinja2 and MiniJinja.

            Examples (from the project root, with shared/ beside it):
              python3 ../shared/bench/gen_data.py --n 10000 --out out/n10000
              tailor template bench ../shared/bench/campaign out/n10000/contexts.jsonl
              tailor template bench CAMPAIGN contexts.jsonl --limit 1000 --jobs 4
            """
    )

    @Argument(help: ArgumentHelp("The campaign folder (subject.txt, email.html, email.txt, campaign.json).", valueName: "campaign-dir"))
    var campaignFolder: String

    @Argument(help: ArgumentHelp("One render context per line.", valueName: "contexts.jsonl"))
    var contexts: String

    @Option(help: "Render only the first N recipients.")
    var limit: Int?

    @Option(help: "Threads for the parallel run (default: one per core).")
    var jobs: Int?

    @Flag(help: "Render email.html alone, like the baselines' --html-only.")
    var htmlOnly = false

    @Flag(help: "Skip the single-thread run.")
    var noSingle = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
        try WorkerCount.check(jobs, option: "--jobs")
    }

    func run() throws {
        let bench = CampaignBench(
            campaignFolder: campaignFolder, contextsPath: contexts, limit: limit, htmlOnly: htmlOnly)
        let jobs = self.jobs ?? Parallel.coreCount
        var runs = noSingle ? [] : [1]
        if jobs != 1 || noSingle { runs.append(jobs) }
        for workers in runs {
            let outcome: CampaignBench.Outcome
            do {
                outcome = try bench.run(workers: workers)
            } catch {
                throw ErrorPrinter.report(error)
            }
            let report = outcome.report(engine: "tailor \(Tailor.version)", mode: htmlOnly ? "render-html" : "render")
            StandardStream.output.write(report)
        }
    }
}
