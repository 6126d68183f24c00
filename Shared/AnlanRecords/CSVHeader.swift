import Foundation

/// The columns of a CSV file, by name, from its header record.
///
/// Columns may come in any order; names are matched after trimming spaces. Missing required columns
/// make the whole file unusable, so they are reported before any row is read.
public struct CSVHeader: Sendable {
    private let indices: [String: Int]
    public let names: [String]

    /// Reads the header record, requiring `required` columns.
    ///
    /// - Throws: `CSVHeaderError` naming the missing or duplicated columns.
    public init(_ record: CSVRecord, required: [String]) throws {
        if let problem = record.problem { throw CSVHeaderError(message: "header (line \(record.line)): \(problem)") }
        var indices: [String: Int] = [:]
        let names = record.fields.map { $0.trimmed }
        for (i, name) in names.enumerated() where !name.isEmpty {
            if indices[name] != nil { throw CSVHeaderError(message: "header: column \"\(name)\" appears twice") }
            indices[name] = i
        }
        let missing = required.filter { indices[$0] == nil }
        guard missing.isEmpty else {
            throw CSVHeaderError(message: "header: missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) (required: \(required.joined(separator: ",")))")
        }
        self.indices = indices
        self.names = names
    }

    /// The position of a column, or nil if the file has none by that name.
    public func index(of name: String) -> Int? { indices[name] }
}

/// Why a CSV file's header was rejected.
public struct CSVHeaderError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension CSVRecord {
    /// The field at `index`, or "" when the column is absent or the row is short.
    @inlinable
    public func field(_ index: Int?) -> String {
        guard let index, index < fields.count else { return "" }
        return fields[index]
    }
}
