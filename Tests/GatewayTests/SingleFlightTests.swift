import NIOConcurrencyHelpers
import NIOCore
import Testing
@testable import GatewayService

/// Identical summaries asked together are one fan-out; a caller in a greater hurry than the flight runs
/// its own; nothing — answer or failure — is kept once the flight lands.
@Suite struct SingleFlightTests {
    @Test func concurrentCallersShareOneRunAndNothingIsKeptAfterIt() async throws {
        let flights = SingleFlight<String, Int>()
        let runs = NIOLockedValueBox(0)
        let deadline = NIODeadline.now() + .seconds(10)
        // The flight stays in the air until all 20 callers have come (a loaded machine starts them late).
        let callers = NIOLockedValueBox(0)
        let answers = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    callers.withLockedValue { $0 += 1 }
                    return try await flights.run("330000", deadline: deadline) {
                        for _ in 0..<500 where callers.withLockedValue({ $0 }) < 20 { try await Task.sleep(for: .milliseconds(10)) }
                        try await Task.sleep(for: .milliseconds(200))
                        return runs.withLockedValue { $0 += 1; return $0 }
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers == Array(repeating: 1, count: 20))
        // Landed: the next caller runs again.
        #expect(try await flights.run("330000", deadline: deadline) { runs.withLockedValue { $0 += 1; return $0 } } == 2)

        struct Refused: Error {}
        await #expect(throws: Refused.self) { try await flights.run("330200", deadline: deadline) { throw Refused() } }
        #expect(try await flights.run("330200", deadline: deadline) { 7 } == 7)
    }

    @Test func aCallerWithAnEarlierDeadlineDoesNotWaitForASlowerFlight() async throws {
        let flights = SingleFlight<String, String>()
        let flying = NIOLockedValueBox(false)
        // The slow flight stays in the air until the test lets it land (or 30 s pass): a caller that
        // wrongly joined it would get its answer, not the hurried one. No clock is read, so a loaded
        // machine cannot make the test fail or pass by timing (a 4-s bound was once missed by 0.5 s).
        let mayLand = NIOLockedValueBox(false)
        let slow = Task {
            try await flights.run("330000", deadline: .now() + .seconds(10)) {
                flying.withLockedValue { $0 = true }
                for _ in 0..<3_000 where !mayLand.withLockedValue({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
                return "the slow flight"
            }
        }
        for _ in 0..<500 where !flying.withLockedValue({ $0 }) { try await Task.sleep(for: .milliseconds(20)) }

        // Callers in a hurry start a flight of their own, and share it with each other.
        let runs = NIOLockedValueBox(0)
        let hurrying = NIOLockedValueBox(false)
        async let first = flights.run("330000", deadline: .now() + .seconds(4)) {
            hurrying.withLockedValue { $0 = true }
            try await Task.sleep(for: .milliseconds(300))
            return "hurried \(runs.withLockedValue { $0 += 1; return $0 })"
        }
        for _ in 0..<500 where !hurrying.withLockedValue({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
        let second = try await flights.run("330000", deadline: .now() + .seconds(4)) { "not run" }
        #expect(try await first == "hurried 1")
        #expect(second == "hurried 1")
        // Only now may the slow flight land: both were answered while it was still in the air.
        mayLand.withLockedValue { $0 = true }
        #expect(try await slow.value == "the slow flight")
    }
}
