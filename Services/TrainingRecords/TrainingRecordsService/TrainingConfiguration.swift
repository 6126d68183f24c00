/// A training-records node's rules, set by flags.
public struct TrainingConfiguration: Sendable, Hashable {
    /// Month and day the flood season starts (Zhejiang: 15 April); flood-control responsible persons
    /// must be trained before it.
    public var floodSeasonStarts: (month: Int, day: Int)

    public init(floodSeasonStarts: (month: Int, day: Int) = (4, 15)) {
        self.floodSeasonStarts = floodSeasonStarts
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.floodSeasonStarts == rhs.floodSeasonStarts }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(floodSeasonStarts.month)
        hasher.combine(floodSeasonStarts.day)
    }
}
