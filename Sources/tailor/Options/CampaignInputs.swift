import ArgumentParser

/// The input files a campaign command reads, each overriding the campaign's
/// `data:` setting: shared by `render`, `check` and `recommend`.
struct CampaignInputs: ParsableArguments {
    @Option(help: ArgumentHelp("The profiles file, CSV or JSONL (default: the campaign's data.profiles).", valueName: "file"))
    var profiles: String?

    @Option(help: ArgumentHelp("The events file (default: the campaign's data.events).", valueName: "file"))
    var events: String?

    @Option(help: ArgumentHelp("The segments file (default: the campaign's data.segments).", valueName: "file"))
    var segments: String?

    @Option(help: ArgumentHelp("The product catalog for recommendation blocks (default: the campaign's data.catalog).", valueName: "file"))
    var catalog: String?
}
