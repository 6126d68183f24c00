import NIOConcurrencyHelpers
import NIOCore

/// Identical requests arriving while one is being answered, or within `window` after, share that
/// one answer: a burst of the same province summary is one fan-out, not one per caller.
final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Flight {
        let task: Task<Value, any Error>
        var finishedAt: NIODeadline?
    }

    private let window: TimeAmount
    private let flights = NIOLockedValueBox<[Key: Flight]>([:])

    init(window: TimeAmount) {
        self.window = window
    }

    func run(_ key: Key, _ body: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = flights.withLockedValue { flights -> Task<Value, any Error> in
            let now = NIODeadline.now()
            if let flight = flights[key], flight.finishedAt.map({ now - $0 < window }) ?? true { return flight.task }
            // Forget finished flights whose window has passed, so the table stays small.
            flights = flights.filter { $0.value.finishedAt.map { now - $0 < window } ?? true }
            let task = Task { [self] in
                do {
                    let value = try await body()
                    finished(key, failed: false)
                    return value
                } catch {
                    finished(key, failed: true)
                    throw error
                }
            }
            flights[key] = Flight(task: task)
            return task
        }
        return try await task.value
    }

    /// A failed answer is not shared after it fails: the next caller asks again.
    private func finished(_ key: Key, failed: Bool) {
        flights.withLockedValue { flights in
            if failed || window == .zero { flights[key] = nil } else { flights[key]?.finishedAt = .now() }
        }
    }
}
