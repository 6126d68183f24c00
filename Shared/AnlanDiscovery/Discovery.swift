import Foundation

/// A lookup's answer and where it came from: the registry just now, or the snapshot of an earlier answer.
public struct Discovery: Sendable {
    public enum Source: Sendable, Equatable {
        case live
        /// The registry was unreachable; this is what it said at `fetchedAt`.
        case snapshot(fetchedAt: Date)
    }

    public var response: LookupResponse
    public var source: Source

    /// How old the answer is (zero when live).
    public var age: TimeInterval {
        switch source {
        case .live: 0
        case .snapshot(let fetchedAt): Date().timeIntervalSince(fetchedAt)
        }
    }
}
