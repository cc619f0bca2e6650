import TailorHTML
import TailorMIME
import TailorTemplate

/// One line of `validation.jsonl`: a finding of a validated body, with the
/// recipient and variant it belongs to.
///
/// ```json
/// {"manifest_line":3,"recipient":"R0000003","variant":"31131ba497ca8d30","rule":"img-alt","severity":"warning",
///  "file":"email.html","line":15,"column":3,"message":"<img> (https://acme.example/new.png) has no alt attribute",
///  "help":"describe the image in alt=\"...\", or write alt=\"\" when it is decoration"}
/// ```
///
/// `manifest_line` is the recipient's line in the manifest (1-based), which
/// is how a resumed run keeps exactly the findings of the recipients it
/// keeps. `file`, `line` and `column` are the template position that wrote
/// the offending bytes; a finding about the whole body (no `lang`, no
/// unsubscribe link) names the HTML template without a line. `output_line`
/// and `output_column` place it in the rendered body when known.
struct FindingRecord: Sendable, Equatable {
    var manifestLine: Int
    var recipientID: String
    var variant: String
    var rule: String
    var severity: Severity
    var file: String
    var line: Int?
    var column: Int?
    var outputLine: Int?
    var outputColumn: Int?
    var message: String
    var help: String?

    init(_ finding: Finding, manifestLine: Int, recipientID: String, variant: String, htmlTemplate: String) {
        self.manifestLine = manifestLine
        self.recipientID = recipientID
        self.variant = variant
        rule = finding.rule
        severity = finding.severity
        file = finding.location?.template ?? htmlTemplate
        line = finding.location?.line
        column = finding.location?.column
        outputLine = finding.outputLine > 0 ? finding.outputLine : nil
        outputColumn = finding.outputLine > 0 ? finding.outputColumn : nil
        message = finding.message
        help = finding.help
    }

    private init(
        manifestLine: Int, recipientID: String, variant: String, rule: String, severity: Severity, file: String,
        line: Int?, column: Int?, outputLine: Int?, outputColumn: Int?, message: String, help: String?
    ) {
        self.manifestLine = manifestLine
        self.recipientID = recipientID
        self.variant = variant
        self.rule = rule
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.outputLine = outputLine
        self.outputColumn = outputColumn
        self.message = message
        self.help = help
    }

    /// `email.html:15:3`, or the template alone for a finding about the whole body.
    var place: String {
        guard let line else { return file }
        return "\(file):\(line):\(column ?? 1)"
    }

    /// The JSON line, without its newline; keys in a fixed order.
    var jsonLine: String {
        var members: [(String, JSONText)] = [
            ("manifest_line", .int(manifestLine)), ("recipient", .string(recipientID)), ("variant", .string(variant)),
            ("rule", .string(rule)), ("severity", .string(severity.rawValue)), ("file", .string(file)),
        ]
        if let line { members.append(("line", .int(line))) }
        if let column { members.append(("column", .int(column))) }
        if let outputLine { members.append(("output_line", .int(outputLine))) }
        if let outputColumn { members.append(("output_column", .int(outputColumn))) }
        members.append(("message", .string(message)))
        if let help { members.append(("help", .string(help))) }
        return JSONText.object(members).serialized
    }

    private static let reader = JSONValueReader(maxDepth: 2)

    /// The record on `line`; nil when it is not one.
    static func parse(_ line: some Collection<UInt8>) -> FindingRecord? {
        guard let object = try? reader.readObject(line) else { return nil }
        guard let manifestLine = object.int("manifest_line"), let recipientID = object.string("recipient"),
            let variant = object.string("variant"), let rule = object.string("rule"),
            let severity = object.string("severity").flatMap(Severity.init(rawValue:)), let file = object.string("file"),
            let message = object.string("message")
        else { return nil }
        return FindingRecord(
            manifestLine: manifestLine, recipientID: recipientID, variant: variant, rule: rule, severity: severity,
            file: file, line: object.int("line"), column: object.int("column"), outputLine: object.int("output_line"),
            outputColumn: object.int("output_column"), message: message, help: object.string("help"))
    }
}
