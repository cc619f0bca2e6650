import ArgumentParser
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

            This is the contract of the conformance harness, which runs it as:
              python3 ../shared/conformance/run.py --engine ".build/release/tailor template cases"

            Examples:
              tailor template cases cases.jsonl
              tailor template cases cases.jsonl --jobs 1 > answers.jsonl
            """
    )

    @Argument(help: ArgumentHelp("The cases, one JSON object a line.", valueName: "file.jsonl"))
    var file: String

    @Option(help: "Threads to render on (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try InputFiles.bytes(of: file, role: "cases file")
        } catch {
            throw ErrorPrinter.report(error)
        }
        let lines = JSONLines.lines(of: bytes)
        let file = self.file
        Parallel.forEach(lines.count, workers: jobs ?? Parallel.coreCount) { index, _ in
            let (number, range) = lines[index]
            let answer: Value
            do throws(ConformanceCase.Malformed) {
                let testCase = try ConformanceCase(line: Array(bytes[range]))
                for note in testCase.notes { ErrorPrinter.write("\(file):\(number): case '\(testCase.id)': \(note)") }
                answer = testCase.run()
            } catch {
                ErrorPrinter.write("\(file):\(number): \(error.message)")
                guard let id = error.id else { return }
                answer = ConformanceCase.answer(id: id, error: "malformed case: \(error.message)", line: nil)
            }
            var out: [UInt8] = []
            JSONValueWriter.append(answer, to: &out)
            out.append(UInt8(ascii: "\n"))
            StandardStream.output.write(out)
        }
    }
}
