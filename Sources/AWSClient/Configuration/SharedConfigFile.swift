import Foundation

/// One AWS shared file (`~/.aws/credentials` or `~/.aws/config`) read into sections of key-value pairs.
///
/// The format is INI as the AWS CLI reads it: `[section]` headers, `key = value` lines, `#` and `;`
/// comment lines, and indented lines that belong to a nested block (`s3 =` and the like), which are skipped.
struct SharedConfigFile: Sendable {
    /// Where the file is.
    let path: String
    /// Settings by section name as written between the brackets, e.g. `default`, `profile ci`.
    let sections: [String: [String: String]]

    /// Reads `path`; a file that does not exist yields `nil`.
    static func load(path: String) throws(AWSConfigurationError) -> SharedConfigFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(path: path)
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses the text of a shared file.
    static func parse(_ text: String, path: String) throws(AWSConfigurationError) -> SharedConfigFile {
        var sections: [String: [String: String]] = [:]
        var current: String?
        var nestedBlock = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    throw .malformedFile(path: path, line: index + 1, reason: "a section header must end with `]`")
                }
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                current = name
                nestedBlock = false
                sections[name, default: [:]] = sections[name] ?? [:]
                continue
            }
            if let first = rawLine.first, first == " " || first == "\t", nestedBlock { continue }
            guard let section = current else {
                throw .malformedFile(path: path, line: index + 1, reason: "a setting comes before any `[section]` header")
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw .malformedFile(path: path, line: index + 1, reason: "expected `key = value`")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            nestedBlock = value.isEmpty
            if !nestedBlock {
                sections[section]?[key] = value
            }
        }
        return SharedConfigFile(path: path, sections: sections)
    }
}
