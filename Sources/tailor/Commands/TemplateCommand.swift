import ArgumentParser

/// `tailor template`: single templates, outside any campaign.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Render, check and measure templates on their own.",
        discussion: """
            These commands work on template files and JSON data directly, without a \
            campaign, segments or a send: to try a template, to run the Jinja2 \
            conformance corpus against the engine, and to measure its speed.
            """,
        subcommands: [TemplateRender.self, TemplateCases.self, TemplateBench.self]
    )
}
