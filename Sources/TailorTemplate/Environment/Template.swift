/// A compiled template: parse once, render many times, from many threads.
///
/// ```swift
/// let template = try env.template(named: "email.html")
/// var buffer: [UInt8] = []
/// for profile in profiles {
///     buffer.removeAll(keepingCapacity: true)
///     try template.render(profile, into: &buffer)
/// }
/// ```
public final class Template: Sendable {
    public let name: String
    public let environment: Environment
    let program: Program

    init(name: String, environment: Environment, program: Program) {
        self.name = name
        self.environment = environment
        self.program = program
    }

    /// Renders with `context` as the template's variables and returns the text.
    public func render(_ context: [String: Value] = [:]) throws -> String {
        var buffer: [UInt8] = []
        try render(context, into: &buffer)
        return RenderedText.string(buffer)
    }

    /// Renders, appending UTF-8 bytes to `buffer` (reuse it across renders to
    /// avoid reallocating). After an error the buffer holds partial output:
    /// discard it.
    public func render(_ context: [String: Value], into buffer: inout [UInt8]) throws {
        try render(.dictionary(context), into: &buffer)
    }

    /// Renders with the string-keyed members of `context` as the template's
    /// variables, like `render(context.stringKeyed, into: &buffer)`. A record
    /// from ``JSONRecordReader/readRecord(_:)`` is used as it is: no
    /// dictionary is built and hashed for it.
    public func render(_ context: Dict, into buffer: inout [UInt8]) throws {
        try render(RootVariables(context), into: &buffer)
    }

    private func render(_ context: RootVariables, into buffer: inout [UInt8]) throws {
        var runtime = environment.runtimes.take(for: environment, root: context)
        swap(&runtime.out.bytes, &buffer)
        defer {
            runtime.out.flush()
            swap(&runtime.out.bytes, &buffer)
            runtime.finish()
            environment.runtimes.give(&runtime)
        }
        try runtime.renderRoot(self)
    }

    /// Renders like `render(_:into:)`, noting in `recorder` which template line
    /// wrote each part of the output and which branches and loops ran. The
    /// recorder's offsets count from the start of `buffer` as it was passed.
    public func render(_ context: [String: Value], into buffer: inout [UInt8], recorder: RenderRecorder) throws {
        var runtime = environment.runtimes.take(for: environment, root: .dictionary(context))
        runtime.recorder = recorder
        swap(&runtime.out.bytes, &buffer)
        defer {
            runtime.out.flush()
            recorder.finish(output: runtime.out.bytes)
            swap(&runtime.out.bytes, &buffer)
            runtime.finish()
            environment.runtimes.give(&runtime)
        }
        try runtime.renderRoot(self)
    }
}
