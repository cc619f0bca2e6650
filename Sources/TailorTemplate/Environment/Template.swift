/// A compiled template: parse once, render many times, from many threads.
public final class Template: Sendable {
    public let name: String
    public let environment: Environment

    init(name: String, environment: Environment) {
        self.name = name
        self.environment = environment
    }
}
