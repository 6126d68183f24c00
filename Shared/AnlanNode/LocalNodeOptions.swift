import ArgumentParser

/// The flags of a command that works on a node's database directly, beside or instead of the running
/// node (`import`, `generate`, `show-person`): which file, and the region the node serves.
public struct LocalNodeOptions: ParsableArguments, Sendable {
    @Option(help: "The node's SQLite database file.")
    public var database: String

    @Option(help: "The node's region code.")
    public var region: String

    public init() {}
}
