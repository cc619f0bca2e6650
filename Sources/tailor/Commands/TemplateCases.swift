import ArgumentParser
import Foundation
import TailorTemplate

/// `tailor template cases FILE.jsonl`: the conformance corpus's engine contract.
struct TemplateCases: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "Render conformance cases: a JSON line in, a JSON answer out.",
        discussion: """
            Reads a JSONL file of cases, each an object with 'id', 'template' and \
            optionally 'templates' (named templates to include, import or extend), \
            'context' and 'options' (autoescape, trim_blocks, lstrip_blocks, \
            keep_trailing_newline: true or false; undefined: "default" or "strict"). \
            Each case renders in a fresh environment, so nothing leaks between cases.

            For each case one line is written to standard output, in no particular \
            order (cases render in parallel):
              {"id": "...", "output": "..."}
              {"id": "...", "error": {"message": "...", "line": 3}}
            A line that is not a valid case is answered with an error when its id can \
            be read, and described on standard error either way.

            Cases render in a child process: if the engine crashes on a case, or \
            hangs on it past --case-timeout, that case alone goes unanswered (named on standard error) and the others are \
            still answered, and the exit status is 1. --in-process renders without \
            the child process.

            This is the contract of the conformance harness, which runs it as
            (from the project root):
              python3 ../shared/conformance/run.py \\
                --engine ".build/release/tailor template cases"

            Examples:
              tailor template cases cases.jsonl
              tailor template cases cases.jsonl --jobs 1 --in-process > answers.jsonl
            """
    )

    @Argument(help: ArgumentHelp("The cases, one JSON object a line.", valueName: "file.jsonl"))
    var file: String

    @Option(help: "Threads to render on (default: one per core).")
    var jobs: Int?

    @Flag(help: "Render in this process: faster to start, but an engine crash ends the run.")
    var inProcess = false

    @Option(help: ArgumentHelp("Seconds a case may take before it is taken to hang and killed (with the child process).", valueName: "seconds"))
    var caseTimeout: Double = 10

    /// Child mode of ``CaseSupervisor``: answers are framed for the supervisor.
    @Flag(help: .hidden)
    var worker = false

    /// Child mode: a file listing the line numbers to render, one a line.
    @Option(help: .hidden)
    var linesFile: String?

    func validate() throws {
        try WorkerCount.check(jobs, option: "--jobs")
        if !(caseTimeout > 0) { throw ValidationError("--case-timeout must be a positive number of seconds.") }
    }

    func run() throws {
        let bytes: [UInt8]
        var selected: Set<Int>?
        do {
            bytes = try InputFiles.bytes(of: file, role: "cases file")
            if let linesFile {
                let list = try InputFiles.text(of: linesFile, role: "line list")
                selected = Set(list.split(separator: "\n").compactMap { Int($0) })
            }
        } catch {
            throw ErrorPrinter.report(error)
        }
        var lines = JSONLines.lines(of: bytes)
        if let selected { lines = lines.filter { selected.contains($0.number) } }
        let jobs = self.jobs ?? Parallel.coreCount

        if !worker && !inProcess && file != "-" {
            let supervisor = CaseSupervisor(
                file: file, jobs: jobs, lines: lines, bytes: bytes, caseTimeout: caseTimeout)
            if let crashed = supervisor.run() {
                // Non-zero so that the harness shows the crash notes on standard error.
                if crashed > 0 { throw ExitCode.templateFailed }
                return
            }
            ErrorPrinter.write("note: could not start a child process; rendering the cases in this process")
        }
        render(lines, of: bytes, jobs: jobs)
    }

    /// Renders the cases on `jobs` threads, writing each answer as it is ready.
    private func render(_ lines: [(number: Int, range: Range<Int>)], of bytes: [UInt8], jobs: Int) {
        let file = self.file
        let framed = worker
        Parallel.forEach(lines.count, workers: jobs) { index, _ in
            let (number, range) = lines[index]
            if framed { StandardStream.output.write("S \(number)\n") }
            let answer: Value
            do throws(ConformanceCase.Malformed) {
                let testCase = try ConformanceCase(line: Array(bytes[range]))
                for note in testCase.notes { ErrorPrinter.write("\(file):\(number): case '\(testCase.id)': \(note)") }
                answer = testCase.run()
            } catch {
                ErrorPrinter.write("\(file):\(number): \(error.message)")
                guard let id = error.id else {
                    if framed { StandardStream.output.write("D \(number)\n") }
                    return
                }
                answer = ConformanceCase.answer(id: id, error: "malformed case: \(error.message)", line: nil)
            }
            var out: [UInt8] = framed ? Array("A \(number) ".utf8) : []
            JSONValueWriter.append(answer, to: &out)
            out.append(UInt8(ascii: "\n"))
            StandardStream.output.write(out)
        }
    }
}
