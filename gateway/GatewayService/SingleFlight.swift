import AnlanRPC
import NIOConcurrencyHelpers
import NIOCore

/// Identical requests arriving while one is being answered share that one answer: a burst of the same
/// province summary is one fan-out, not one per caller. A caller joins a flight only if the flight's
/// deadline is no later than its own; one in a greater hurry starts a new flight (which later callers
/// join in the slower one's place), so it is never held past its deadline by a slower caller's.
final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Flight {
        let id: UInt64
        let task: Task<Value, any Error>
        let deadline: NIODeadline
    }

    private struct Flights {
        var byKey: [Key: Flight] = [:]
        var nextID: UInt64 = 0
    }

    private let flights = NIOLockedValueBox(Flights())

    init() {}

    func run(_ key: Key, deadline: NIODeadline, _ body: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = flights.withLockedValue { flights -> Task<Value, any Error> in
            if let flight = flights.byKey[key], flight.deadline <= deadline { return flight.task }
            let id = flights.nextID
            flights.nextID += 1
            // On the caller's event loop when it has one: an unstructured task does not inherit that.
            // Shared by every caller that joins it: it acts for the node, not for the first caller's person.
            let task = Task(executorPreference: EventLoopTaskExecutor.current) { [self] in
                defer { landed(key, id) }
                return try await RPCCredential.$current.withValue(nil) { try await body() }
            }
            flights.byKey[key] = Flight(id: id, task: task, deadline: deadline)
            return task
        }
        return try await task.value
    }

    /// A flight's answer, or its failure, is shared only while it is in the air.
    private func landed(_ key: Key, _ id: UInt64) {
        flights.withLockedValue { flights in
            if flights.byKey[key]?.id == id { flights.byKey[key] = nil }
        }
    }
}
