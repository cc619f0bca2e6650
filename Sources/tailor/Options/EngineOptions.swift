import ArgumentParser
import TailorTemplate

/// The engine switches a command line can set, Jinja's `Environment` options.
struct EngineOptions: ParsableArguments {
    @Flag(help: "Fail on any use of an undefined variable (Jinja's StrictUndefined).")
    var strict = false

    @Flag(help: "HTML-escape {{ }} output unless it is marked safe.")
    var autoescape = false

    @Flag(help: "Remove the first newline after a block tag.")
    var trimBlocks = false

    @Flag(help: "Strip spaces and tabs before a block tag at the start of a line.")
    var lstripBlocks = false

    @Flag(help: "Keep the final newline of the template source.")
    var keepTrailingNewline = false

    var options: Options {
        Options(
            autoescape: autoescape, trimBlocks: trimBlocks, lstripBlocks: lstripBlocks,
            keepTrailingNewline: keepTrailingNewline, undefined: strict ? .strict : .lenient)
    }
}
