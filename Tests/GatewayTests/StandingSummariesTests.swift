import NIOConcurrencyHelpers
import NIOCore
import Testing
@testable import GatewayService

/// A standing value answers within the caller's max age, is recomposed in the background while asked
/// for, and is dropped (its refresher stopped) once nobody asks.
@Suite struct StandingSummariesTests {
    @Test func answersWithinTheMaxAgeAndIsRecomposedWhileAsked() async throws {
        // A long keep-alive: a loaded machine's late wake-ups must not count as nobody asking.
        let standing = StandingSummaries<String, Int>(refreshInterval: .milliseconds(100), keepAlive: .seconds(60))
        let recomposed = NIOLockedValueBox(0)
        let recompose: @Sendable () async -> Int? = { recomposed.withLockedValue { $0 += 1; return 100 + $0 } }

        // Nothing standing yet: the caller composes (the first ask starts the refresher) and keeps it.
        #expect(standing.value("330000", maxAge: .seconds(60), recompose: recompose) == nil)
        standing.keep("330000", 1, composedAt: .now())
        // (A recomposition may already have replaced it on a slow machine: 101 and up.)
        let kept = try #require(standing.value("330000", maxAge: .seconds(60), recompose: recompose))
        #expect(kept == 1 || kept > 100)
        // Too old for a caller who accepts nothing older than 0: compose again.
        #expect(standing.value("330000", maxAge: .zero, recompose: recompose) == nil)

        // The refresher replaces it while it is asked for (every 100 ms; a loaded machine may take longer).
        var refreshed = 1
        for _ in 0..<100 where refreshed < 100 {
            try await Task.sleep(for: .milliseconds(100))
            refreshed = try #require(standing.value("330000", maxAge: .seconds(60), recompose: recompose))
        }
        #expect(refreshed > 100)
        // An older composition never replaces a newer one.
        standing.keep("330000", 2, composedAt: .now() - .seconds(5))
        #expect(standing.value("330000", maxAge: .seconds(60), recompose: recompose)! >= refreshed)
        standing.close()
    }

    @Test func isForgottenOnceNobodyAsks() async throws {
        let standing = StandingSummaries<String, Int>(refreshInterval: .milliseconds(50), keepAlive: .milliseconds(300))
        let recomposed = NIOLockedValueBox(0)
        _ = standing.value("330000", maxAge: .seconds(60)) { recomposed.withLockedValue { $0 += 1; return $0 } }
        #expect(standing.isStanding("330000"))
        // Nobody asks again: after the keep-alive the refresher forgets it and stops.
        for _ in 0..<100 where standing.isStanding("330000") { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!standing.isStanding("330000"))
        let stopped = recomposed.withLockedValue { $0 }
        try await Task.sleep(for: .milliseconds(300))
        #expect(recomposed.withLockedValue { $0 } == stopped)
        standing.close()
    }
}
