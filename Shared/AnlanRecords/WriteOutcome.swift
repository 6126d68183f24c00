/// What writing one record did: a new row, a changed one, or nothing (it was already as given).
public enum WriteOutcome: Sendable, Hashable {
    case inserted, updated, unchanged
}

extension ImportReport {
    /// Counts one good row by what writing it did.
    public mutating func count(_ outcome: WriteOutcome) {
        switch outcome {
        case .inserted: inserted += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        }
    }
}
