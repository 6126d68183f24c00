import AnlanRecords
import ArgumentParser
import Foundation

/// What an `import` command loads: a CSV file and the kind of record it holds (`Kind`'s names).
public struct ImportFileOptions<Kind: WireEnum>: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp(Kind.allCases.map(\.name).joined(separator: ", ") + "."))
    public var kind: String

    @Argument(help: "The CSV file.")
    public var file: String

    public init() {}

    public func validate() throws {
        do {
            _ = try Kind.parse(kind)
        } catch {
            throw ValidationError("--kind: \(error.message)")
        }
    }

    /// Imports the file into `records`, as `source` named by its path.
    public func load(into records: some CSVImporting<Kind>) async throws -> ImportReport {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        return try await records.importCSV(try Kind.parse(kind), bytes: bytes, source: file)
    }
}
