import AnlanRecords

/// A training-records node's rules, set by flags.
public struct TrainingConfiguration: Sendable, Hashable {
    /// Month and day the flood season starts (Zhejiang: 15 April); flood-control responsible persons
    /// must be trained before it.
    public var floodSeasonStarts: (month: Int, day: Int)

    public init(floodSeasonStarts: (month: Int, day: Int) = (4, 15)) {
        self.floodSeasonStarts = floodSeasonStarts
    }

    /// Parses `MM-DD`; 29 February is refused (most years have none).
    public static func floodSeasonStart(_ text: String) -> (month: Int, day: Int)? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, CivilDay(year: 2001, month: parts[0], day: parts[1]) != nil else { return nil }
        return (parts[0], parts[1])
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.floodSeasonStarts == rhs.floodSeasonStarts }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(floodSeasonStarts.month)
        hasher.combine(floodSeasonStarts.day)
    }
}
