import ArgumentParser

/// The exit statuses `tailor` uses, documented in `tailor --help`.
extension ExitCode {
    /// A template failed to compile or render (the error is on standard error).
    static let templateFailed = ExitCode(1)
    /// The command line was wrong: an unknown option, a missing argument, a bad value.
    static let usage = ExitCode(2)
    /// An input file (template, data, cases, contexts) could not be read or parsed.
    static let unreadableInput = ExitCode(3)
}
