import ArgumentParser
import Foundation
import TailorBatch
import TailorData

/// `tailor manifest`: checks on what a send wrote.
struct ManifestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manifest",
        abstract: "Check the manifests a send left.",
        subcommands: [ManifestVerify.self]
    )
}

/// `tailor manifest verify DIR...`: did the shards render every recipient exactly once?
struct ManifestVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove that the shards of a send rendered every input recipient exactly once.",
        discussion: """
            Reads the run records (run.json, or run.shard-I-of-N.json for a sharded \
            run) and manifests in each folder and checks: every run completed; all \
            read the same input, campaign and send date and split it into the same \
            number of shards; each shard from 0 to N-1 is there once; each manifest \
            holds exactly its shard's input rows (same count and fingerprint) and \
            only ids that hash to that shard; and the shards add up to the input. \
            With --profiles, the input file is read again and compared too.

            Exit status: 0 verified, 1 a problem was found (each is listed), 3 a \
            folder or the profiles file cannot be read.

            Examples:
              tailor manifest verify out/send
              tailor manifest verify out/shard-0 out/shard-1 out/shard-2 out/shard-3 --profiles data/contexts.jsonl
            """
    )

    @Argument(help: ArgumentHelp("Output folders of the shards (one folder may hold several).", valueName: "dir"))
    var directories: [String]

    @Option(help: ArgumentHelp("The profiles file the send read, to compare against.", valueName: "file"))
    var profiles: String?

    @Option(name: .customLong("id-column"), help: ArgumentHelp("With --profiles: the recipient id column.", valueName: "name"))
    var idColumn = "recipient_id"

    @Option(name: .customLong("email-column"), help: ArgumentHelp("With --profiles: the email column.", valueName: "name"))
    var emailColumn = "email"

    func validate() throws {
        if directories.isEmpty { throw ValidationError("name at least one output folder.") }
    }

    func run() throws {
        let report: ManifestVerifier.Report
        do {
            report = try ManifestVerifier.verify(
                directories.map { URL(fileURLWithPath: $0) }, profiles: profiles,
                format: ProfileFormat(idColumn: idColumn, emailColumn: emailColumn))
        } catch let error as DataFileError {
            ErrorPrinter.write(error.description)
            throw ExitCode.unreadableInput
        }
        for problem in report.problems { ErrorPrinter.write("  \(problem)") }
        StandardStream.output.write(report.line + "\n")
        if !report.isComplete { throw ExitCode(1) }
    }
}
