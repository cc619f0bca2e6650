import Foundation
import TailorHTML

extension CheckReport {
    /// The findings as a SARIF 2.1.0 log, which code hosts (GitHub code
    /// scanning, GitLab, Azure DevOps) show as annotations on the template
    /// lines. Levels: error, warning, and `note` for notices; every rule is
    /// described in the driver with its default level.
    public func sarif(toolVersion: String) -> String {
        func level(_ severity: Severity) -> String {
            severity == .notice ? "note" : severity.rawValue
        }
        let rules = (Rule.all + CheckRules.all).map { rule -> [String: Any] in
            [
                "id": rule.id, "shortDescription": ["text": rule.summary],
                "defaultConfiguration": ["level": level(rule.severity)],
            ]
        }
        let results = sortedFindings.map { f -> [String: Any] in
            var text = f.message
            if !f.segments.isEmpty { text += " (segments: \(f.segments.joined(separator: ", ")))" }
            var result: [String: Any] = ["ruleId": f.rule, "level": level(f.severity), "message": ["text": text]]
            if let file = f.file {
                var physical: [String: Any] = ["artifactLocation": ["uri": file, "uriBaseId": "%SRCROOT%"]]
                if f.line > 0 { physical["region"] = ["startLine": f.line, "startColumn": max(1, f.column)] }
                result["locations"] = [["physicalLocation": physical]]
            }
            return result
        }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                [
                    "tool": [
                        "driver": [
                            "name": "tailor", "version": toolVersion,
                            "rules": rules,
                        ]
                    ],
                    "results": results,
                ]
            ],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: log, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
