import ArgumentParser
import Foundation
import TailorConfig
import TailorData
import TailorSegments
import TailorTemplate

/// `tailor segments`: who is in which segment, and what went wrong on the way.
struct Segments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "Assign recipients to segments and report sizes, overlaps and bad rows.",
        discussion: """
            Reads the profiles (CSV or JSONL) and the behavioural events, applies \
            the segment definitions, and prints each segment's size and primary \
            count in priority order, the nesting tree, the overlaps between \
            segments, a matrix of one attribute (--by, or 'report: by:' in the \
            segments file) by primary segment, and every bad row with its file, \
            line and reason. Bad rows are skipped, never silently.

            Without options it runs on the sample workspace: data/profiles.csv, \
            data/events.jsonl and segments/segments.yml.

            Exit status: 0 done (bad rows are reported, not fatal), 2 usage error, \
            3 a file could not be read or the segments file is wrong.

            Examples:
              tailor segments
              tailor segments --profiles big.csv --events big-events.jsonl --json
              tailor segments --by country --assign out/assignments.csv
            """
    )

    @Option(help: ArgumentHelp("The profiles file, CSV or JSONL.", valueName: "file"))
    var profiles = "data/profiles.csv"

    @Option(help: ArgumentHelp("The events file (JSONL). Default: data/events.jsonl with the sample profiles.", valueName: "file"))
    var events: String?

    @Flag(name: .customLong("no-events"), help: "Read no events file.")
    var noEvents = false

    @Option(help: ArgumentHelp("The segment definitions.", valueName: "file"))
    var segments = "segments/segments.yml"

    @Option(help: ArgumentHelp("The attribute to tabulate against the segments (numbers in tens, dates by year).", valueName: "attribute"))
    var by: String?

    @Option(help: ArgumentHelp("The instant rules see as 'now' (ISO 8601); overrides the file's as_of.", valueName: "timestamp"))
    var now: String?

    @Option(name: .customLong("id-column"), help: ArgumentHelp("The recipient id column.", valueName: "name"))
    var idColumn = "recipient_id"

    @Option(name: .customLong("email-column"), help: ArgumentHelp("The email column.", valueName: "name"))
    var emailColumn = "email"

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Write each recipient's segments to this CSV file.", valueName: "out.csv"))
    var assign: String?

    func validate() throws {
        if let now, Temporal.seconds(of: .string(now)) == nil {
            throw ValidationError("--now '\(now)' is not a date or timestamp like 2026-01-15T09:00:00Z.")
        }
        if events != nil && noEvents {
            throw ValidationError("--events and --no-events cannot be used together.")
        }
    }

    func run() throws {
        do {
            let file = try SegmentsFile.load(path: segments, now: now.flatMap { Temporal.seconds(of: .string($0)) })
            var eventsPath = events
            if eventsPath == nil, !noEvents, FileManager.default.fileExists(atPath: "data/events.jsonl"),
                profiles == "data/profiles.csv"
            {
                eventsPath = "data/events.jsonl"
            }
            let run = SegmentRun(
                profiles: profiles, events: eventsPath, segments: file,
                format: ProfileFormat(idColumn: idColumn, emailColumn: emailColumn))
            let assigner = try run.prepare()
            var builder = SegmentReportBuilder(file: file, by: by ?? file.reportBy)
            let writer = try assign.map { try AssignmentWriter(path: $0) }
            let totals = try run.assignEach(assigner) { outcome in
                builder.add(outcome)
                try writer?.write(outcome)
            }
            try writer?.close()
            let report = builder.finish(totals: totals, run: run)
            StandardStream.output.write(json ? report.json + "\n" : report.text)
        } catch let error where ErrorPrinter.knows(error) {
            throw ErrorPrinter.report(error)
        }
    }
}

/// `--assign`: one CSV line per recipient, `recipient_id,segment,segments`
/// (all memberships joined by `;`), and bad rows as `recipient_id,,` with the
/// reason in a fourth column, so every row of the input is accounted for.
final class AssignmentWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw DataFileError(path: path, role: "assignments output", reason: "cannot create the file")
        }
        self.handle = handle
        append(["recipient_id", "segment", "segments", "skipped_because"])
    }

    func write(_ outcome: RecipientOutcome) throws {
        switch outcome {
        case .assigned(let profile, let assignment):
            append([profile.id, assignment.segment, assignment.segments.joined(separator: ";"), ""])
        case .bad(let row):
            append([row.recipientId ?? "", "", "", "line \(row.line): \(row.reason)"])
        }
        if buffer.count > 1 << 16 { try flush() }
    }

    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func append(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                buffer.append(UInt8(ascii: "\""))
                buffer.append(contentsOf: field.replacingOccurrences(of: "\"", with: "\"\"").utf8)
                buffer.append(UInt8(ascii: "\""))
            } else {
                buffer.append(contentsOf: field.utf8)
            }
        }
        buffer.append(UInt8(ascii: "\n"))
    }
}
