import ArgumentParser
import Foundation

/// The flags every `generate` command shares (synthetic, deterministic demo data): the seed and the
/// directory the CSV files go to.
public struct GenerateOptions: ParsableArguments, Sendable {
    @Option(help: "Seed (the same seed gives the same files).")
    public var seed: UInt64 = 1

    @Option(help: "Directory to write into.")
    public var output = "."

    public init() {}

    /// Writes each file into the output directory (created if needed), replacing what was there.
    public func write(_ files: [(name: String, csv: String)]) throws {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        for file in files {
            try file.csv.write(toFile: "\(output)/\(file.name)", atomically: true, encoding: .utf8)
        }
    }
}
