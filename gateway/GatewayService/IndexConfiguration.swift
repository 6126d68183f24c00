import Foundation
import GatewayAPI

/// The control-power indices' configuration (管控力指数配置), versioned: which indicators each index
/// weighs, their weights and their scales. The default is bundled (`Resources/control-index.json`,
/// documented in docs/INDICES.md); a published month keeps the scores of the version it was computed
/// with, so a change of weights never rewrites it.
public struct IndexConfiguration: Codable, Sendable, Hashable {
    /// One indicator's place in an index.
    public struct Entry: Codable, Sendable, Hashable {
        /// An `Indicator` id.
        public var id: String
        public var weight: Double
        /// The raw values scored 0 and 100 (INFORM's goalposts): values beyond them are held at them;
        /// `worst` above `best` means lower is better.
        public var worst: Double
        public var best: Double
    }

    public struct Index: Codable, Sendable, Hashable {
        /// `work-safety` or `natural-disaster`.
        public var kind: String
        public var indicators: [Entry]
    }

    public var version: String
    /// The share of an index's weight whose indicators must have data for the region to be scored.
    public var minimumWeightShare: Double
    public var indices: [Index]

    /// The bundled default.
    public static func bundled() throws -> IndexConfiguration {
        guard let url = Bundle.module.url(forResource: "control-index", withExtension: "json") else {
            throw IndexConfigurationError("the default control-index.json is not bundled")
        }
        return try load(Data(contentsOf: url))
    }

    /// A configuration read and checked: known kinds and indicators, positive weights, distinct goalposts.
    public static func load(_ data: Data) throws -> IndexConfiguration {
        let configuration = try JSONDecoder().decode(IndexConfiguration.self, from: data)
        try configuration.validate()
        return configuration
    }

    func validate() throws {
        guard !version.isEmpty else { throw IndexConfigurationError("the configuration has no version") }
        guard (0...1).contains(minimumWeightShare) else { throw IndexConfigurationError("minimumWeightShare \(minimumWeightShare) is not 0…1") }
        for index in indices {
            guard IndexKind(name: index.kind) != nil else { throw IndexConfigurationError("unknown index kind \(index.kind)") }
            guard !index.indicators.isEmpty else { throw IndexConfigurationError("\(index.kind) has no indicators") }
            for entry in index.indicators {
                guard Indicator(rawValue: entry.id) != nil else {
                    throw IndexConfigurationError("unknown indicator \(entry.id) (known: \(Indicator.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                guard entry.weight > 0, entry.weight.isFinite else { throw IndexConfigurationError("\(entry.id): weight \(entry.weight) is not positive") }
                guard entry.worst != entry.best, entry.worst.isFinite, entry.best.isFinite else {
                    throw IndexConfigurationError("\(entry.id): worst and best must differ")
                }
            }
        }
    }

    /// The entries of `kind`'s index (none when the configuration leaves it out).
    func entries(_ kind: IndexKind) -> [Entry] {
        indices.first { $0.kind == kind.name }?.indicators ?? []
    }
}

/// A configuration that cannot be used, and why.
public struct IndexConfigurationError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
