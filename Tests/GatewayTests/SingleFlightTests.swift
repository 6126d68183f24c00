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
        let answers = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await flights.run("330000", deadline: deadline) {
                        try await Task.sleep(for: .milliseconds(50))
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
        let slow = Task {
            try await flights.run("330000", deadline: .now() + .seconds(10)) {
                flying.withLockedValue { $0 = true }
                try await Task.sleep(for: .seconds(4))
                return "the slow flight"
            }
        }
        for _ in 0..<100 where !flying.withLockedValue({ $0 }) { try await Task.sleep(for: .milliseconds(20)) }
        let started = ContinuousClock.now
        let hurried = try await flights.run("330000", deadline: .now() + .milliseconds(300)) { "its own run" }
        #expect(hurried == "its own run")
        #expect(ContinuousClock.now - started < .seconds(1))
        // A caller with a later deadline than the flight's joins it.
        let patient = try await flights.run("330000", deadline: .now() + .seconds(20)) { "not run" }
        #expect(patient == "the slow flight")
        #expect(try await slow.value == "the slow flight")
    }
}
