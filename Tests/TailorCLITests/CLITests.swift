import Foundation
import TailorTestSupport
import Testing

/// What one run of the binary did.
struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the `tailor` built beside the test bundle, in `folder`.
func tailor(_ arguments: [String], in folder: URL, stdin: String? = nil) throws -> Outcome {
    let products = Bundle.main.bundleURL
    let binary = products.appendingPathComponent("tailor")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
        status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
        stderr: String(decoding: stderrData, as: UTF8.self))
}

/// A fresh temporary folder holding `files`.
func workspace(_ files: [String: String]) throws -> URL {
    let folder = TestFolder.path("cli")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in files {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return folder
}

@Suite struct CLIExitCodeTests {
    @Test(arguments: [
        (["template", "render"], "Missing expected argument '<file>'"),
        (["template", "render", "x.txt", "--no-such-option"], "Unknown option '--no-such-option'"),
        (["template", "render", "x.txt", "--search-path", "missing-folder"], "--search-path 'missing-folder' is not a folder"),
        (["template", "render", "-", "--data", "-"], "cannot both come from standard input"),
        (["template", "cases", "c.jsonl", "--jobs", "0"], "--jobs must be at least 1"),
        (["template", "cases", "c.jsonl", "--jobs", "100000"], "--jobs 100000 is more than 256"),
        (["render", "--jobs", "257"], "--jobs 257 is more than 256: rendering is bound by the CPU"),
        (["serve", "--threads", "100000"], "--threads 100000 is more than 256"),
        (["template", "bench", "campaign"], "Missing expected argument '<contexts.jsonl>'"),
        (["nope"], "Unexpected argument 'nope'"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) throws {
        let result = try tailor(arguments, in: workspace([:]))
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        (["template", "render", "missing.txt"], "error: cannot read template 'missing.txt': no such file"),
        (["template", "render", "sub"], "error: cannot read template 'sub': it is a folder, not a file"),
        (["template", "render", "t.txt", "--data", "missing.json"], "error: cannot read data file 'missing.json': no such file"),
        (["template", "render", "t.txt", "--data", "list.json"], "the context must be a JSON object ({...}), not an array"),
        (["template", "render", "latin1.txt"], "error: cannot read template 'latin1.txt': not valid UTF-8"),
        (["template", "cases", "missing.jsonl"], "error: cannot read cases file 'missing.jsonl': no such file"),
    ])
    func unreadableInputExitsThree(arguments: [String], message: String) throws {
        let folder = try workspace(["t.txt": "hi", "list.json": "[1, 2]", "sub/x.txt": ""])
        try Data([0x48, 0xE9, 0x0A]).write(to: folder.appendingPathComponent("latin1.txt"))
        let result = try tailor(arguments, in: folder)
        #expect(result.status == 3)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func invalidDataShowsLineColumnAndCaret() throws {
        let folder = try workspace(["t.txt": "hi", "bad.json": "{\n  \"name\": \"Ada\",\n  \"age\": 3x\n}"])
        let result = try tailor(["template", "render", "t.txt", "--data", "bad.json"], in: folder)
        #expect(result.status == 3)
        #expect(
            result.stderr == """
                error: data file 'bad.json': invalid JSON: unexpected 'x', expected ',' or '}' in an object
                  --> bad.json:3:11
                   |
                 3 |   "age": 3x
                   |           ^

                """)
    }

    @Test(arguments: [
        (["--help"], false), (["template", "--help"], false), (["template", "render", "--help"], true),
        (["template", "cases", "--help"], true), (["template", "bench", "--help"], true),
    ])
    func helpExitsZero(command: [String], hasExamples: Bool) throws {
        let result = try tailor(command, in: workspace([:]))
        #expect(result.status == 0)
        #expect(result.stdout.contains("OVERVIEW:"))
        #expect(result.stdout.contains("Examples") == hasExamples)
    }
}

@Suite struct CLICasesTests {
    /// Lines that are not cases: each is reported on stderr, and answered when
    /// its id can be read, whatever the engine does with the good ones.
    @Test func malformedLinesAreAnsweredWhenTheirIdIsReadable() throws {
        let cases = [
            #"{"id": "bad/json", "template": "x" "context": {}}"#,
            #"{"id": "bad/no-template"}"#,
            #"{"id": "bad/option", "template": "x", "options": {"undefined": "chainable"}}"#,
            #"{"id": "bad/templates", "template": "x", "templates": {"a": 1}}"#,
            "[1, 2]",
            "not json",
            "",
        ].joined(separator: "\n")
        let folder = try workspace(["cases.jsonl": cases])
        for mode in [[], ["--in-process"]] {
            let result = try tailor(["template", "cases", "cases.jsonl"] + mode, in: folder)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            var answers: [String: [String: Any]] = [:]
            for line in result.stdout.split(separator: "\n") {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                answers[try #require(object["id"] as? String)] = object
            }
            #expect(Set(answers.keys) == ["bad/json", "bad/no-template", "bad/option", "bad/templates"])
            for (_, answer) in answers {
                let error = try #require(answer["error"] as? [String: Any])
                #expect((error["message"] as? String)?.hasPrefix("malformed case: ") == true)
            }
            #expect(result.stderr.contains("cases.jsonl:5: expected a JSON object, found an array"))
            #expect(result.stderr.contains("cases.jsonl:6: invalid JSON at column 1"))
        }
    }
}
