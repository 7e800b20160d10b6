import Foundation

extension Report {
    /// The readable result: every failure and error in full, then a line per entry, then the totals.
    public var text: String {
        var lines: [String] = []
        let problems = results.filter { $0.status != .passed }
        if !problems.isEmpty {
            lines.append("Failures")
            for result in problems {
                lines.append("  \(result.status == .error ? "ERROR" : "FAIL ")  \(result.check)  [\(result.entry)]  \(result.message)")
            }
            lines.append("")
        }
        lines.append("Results by resource")
        var entries: [String] = []
        for result in results where !entries.contains(result.entry) { entries.append(result.entry) }
        for entry in entries {
            let mine = results.filter { $0.entry == entry }
            let failed = mine.count { $0.status != .passed }
            let mark = failed == 0 ? "ok  " : "FAIL"
            let resources = mine.filter { $0.check == "exists" }.compactMap(\.resource).joined(separator: ", ")
            lines.append("  \(mark)  \(entry) (\(mine.first?.type ?? "")): \(mine.count - failed)/\(mine.count) passed  \(resources)")
        }
        let (passed, failed, errors) = counts
        lines.append("")
        lines.append("\(outcome.rawValue.uppercased()): \(passed) passed, \(failed) failed, \(errors) errors; \(reads) AWS reads in \(String(format: "%.2f", seconds)) s (\(spec)\(suffix.map { ", suffix \($0)" } ?? ""))")
        return lines.joined(separator: "\n")
    }

    /// JSON for machines: the whole report.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    /// JUnit XML, as CI systems show test results: a suite per spec entry, a case per result.
    public var junit: String {
        var entries: [String] = []
        for result in results where !entries.contains(result.entry) { entries.append(result.entry) }
        let (_, failed, errors) = counts
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<testsuites name="\#(escape(stack ?? "stack-verify"))" tests="\#(results.count)" failures="\#(failed)" errors="\#(errors)" time="\#(String(format: "%.3f", seconds))">"# + "\n"
        for entry in entries {
            let mine = results.filter { $0.entry == entry }
            xml += #"  <testsuite name="\#(escape(entry))" tests="\#(mine.count)" failures="\#(mine.count { $0.status == .failed })" errors="\#(mine.count { $0.status == .error })">"# + "\n"
            for result in mine {
                let name = escape("\(result.check) \(result.resource ?? "")".trimmingCharacters(in: .whitespaces))
                xml += #"    <testcase classname="\#(escape(result.type))" name="\#(name)">"#
                switch result.status {
                case .passed: break
                case .failed: xml += #"<failure message="\#(escape(result.message))"/>"#
                case .error: xml += #"<error message="\#(escape(result.message))"/>"#
                }
                xml += "</testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
