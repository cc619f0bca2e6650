import ArgumentParser

@main
struct Tailor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render personalized email from Jinja templates.")
}
