import AnlanRecords

/// A training-records node's rules, set by flags.
public struct TrainingConfiguration: Sendable {
    /// Month and day the flood season starts (Zhejiang: 15 April); flood-control responsible persons
    /// must be trained before it. Nil: the one the database was last given (15 April for a new one) —
    /// so a command run without the flag never changes what the node derives with.
    public var floodSeasonStarts: (month: Int, day: Int)?

    /// Zhejiang's flood season start, for a new database given none.
    public static let defaultFloodSeasonStarts = (month: 4, day: 15)

    public init(floodSeasonStarts: (month: Int, day: Int)? = nil) {
        self.floodSeasonStarts = floodSeasonStarts
    }

    /// Parses `MM-DD`; 29 February is refused (most years have none).
    public static func floodSeasonStart(_ text: String) -> (month: Int, day: Int)? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, CivilDay(year: 2001, month: parts[0], day: parts[1]) != nil else { return nil }
        return (parts[0], parts[1])
    }

}
