import AnlanTestSupport
import AnlanDiscovery
import AnlanRPC
import AnlanWire
import Foundation
import RegistryService
import Testing

@Suite(.timeLimit(.minutes(1))) struct RegistryTests {
    @Test func lookupFindsTheRegionOrItsNearestServedAncestor() async throws {
        try await withTemporaryDirectory { dir in
            let registry = try Registry(databasePath: dir + "/r.sqlite", regionCode: "330000", logger: quietLogger)
            _ = try await registry.register(RegisterRequest(registration: registration("material-reserve", "330100", port: 7001)))
            // A township of 西湖区 (330106) in 杭州市 (330100): only the city serves it so far.
            var answer = try await registry.lookup(LookupRequest(service: "material-reserve", regionCode: "330106002000"))
            #expect(answer.matchedRegion == "330100")
            #expect(answer.records.map(\.registration.port) == [7001])
            _ = try await registry.register(RegisterRequest(registration: registration("material-reserve", "330106", port: 7002)))
            answer = try await registry.lookup(LookupRequest(service: "material-reserve", regionCode: "330106002"))
            #expect(answer.matchedRegion == "330106")
            #expect(answer.records.map(\.registration.port) == [7002])
            // Another city's county is not served by Hangzhou.
            answer = try await registry.lookup(LookupRequest(service: "material-reserve", regionCode: "330212"))
            #expect(answer.records.isEmpty)
        }
    }

    @Test func unknownRegionCodesAreRejected() async throws {
        try await withTemporaryDirectory { dir in
            let registry = try Registry(databasePath: dir + "/r.sqlite", regionCode: "330000", logger: quietLogger)
            await #expect { _ = try await registry.register(RegisterRequest(registration: registration("gateway", "339999"))) } throws: {
                ($0 as? RegistryError)?.code == .invalidArgument && ($0 as? RegistryError)?.message.contains("339999") == true
            }
            await #expect { _ = try await registry.lookup(LookupRequest(service: "gateway", regionCode: "abc")) } throws: {
                ($0 as? RegistryError)?.code == .invalidArgument
            }
            #expect(await registry.counts().first { $0.0 == "registrations" }?.1 == 0)
        }
    }

    @Test func leaseGoesHealthyThenSuspectThenExpired() async throws {
        try await withTemporaryDirectory { dir in
            let clock = ManualClock()
            let registry = try Registry(databasePath: dir + "/r.sqlite", regionCode: "330000",
                                        configuration: fastLeases(), logger: quietLogger, now: clock.now)
            let grant = try await registry.register(RegisterRequest(registration: registration("gateway", "330100")))
            clock.advance(.milliseconds(100))  // exactly one TTL: still healthy
            try await registry.sweep()
            #expect(try await registry.list(ListRequest()).records.map(\.health) == [.healthy])
            clock.advance(.milliseconds(1))
            try await registry.sweep()
            #expect(try await registry.list(ListRequest()).records.map(\.health) == [.suspect])
            // A suspect lease is still found when nothing healthy serves the region.
            #expect(try await registry.lookup(LookupRequest(service: "gateway", regionCode: "330100")).records.count == 1)
            clock.advance(.milliseconds(99))  // two TTLs: still suspect
            try await registry.sweep()
            #expect(try await registry.list(ListRequest()).records.map(\.health) == [.suspect])
            clock.advance(.milliseconds(1))
            try await registry.sweep()
            #expect(try await registry.list(ListRequest()).records.isEmpty)
            await #expect { _ = try await registry.heartbeat(grant.leaseID) } throws: { ($0 as? RegistryError)?.code == .notFound }
        }
    }

    @Test func heartbeatsKeepALeaseAndRecoverASuspectOne() async throws {
        try await withTemporaryDirectory { dir in
            let clock = ManualClock()
            let registry = try Registry(databasePath: dir + "/r.sqlite", regionCode: "330000",
                                        configuration: fastLeases(), logger: quietLogger, now: clock.now)
            let grant = try await registry.register(RegisterRequest(registration: registration("gateway", "330100")))
            for _ in 0..<10 {
                clock.advance(.milliseconds(60))
                _ = try await registry.heartbeat(grant.leaseID)
                try await registry.sweep()
            }
            #expect(try await registry.list(ListRequest()).records.map(\.health) == [.healthy])
            clock.advance(.milliseconds(150))
            try await registry.sweep()
            #expect(try await registry.list(ListRequest()).records.map(\.health) == [.suspect])
            _ = try await registry.heartbeat(grant.leaseID)
            #expect(try await registry.list(ListRequest()).records.map(\.health) == [.healthy])
        }
    }

    /// 8 of 10 leases lapse at once: a partition, not 8 failures — they are kept as suspect.
    @Test func selfPreservationKeepsLeasesWhenMostLapseAtOnce() async throws {
        try await withTemporaryDirectory { dir in
            let clock = ManualClock()
            let registry = try Registry(databasePath: dir + "/r.sqlite", regionCode: "330000",
                                        configuration: fastLeases(), logger: quietLogger, now: clock.now)
            var grants: [LeaseGrant] = []
            for (i, county) in ["330102", "330105", "330106", "330108", "330109", "330110", "330111", "330112", "330113", "330114"].enumerated() {
                grants.append(try await registry.register(RegisterRequest(registration: registration("gateway", county, port: UInt16(7000 + i)))))
            }
            clock.advance(.milliseconds(250))
            _ = try await registry.heartbeat(grants[0].leaseID)
            _ = try await registry.heartbeat(grants[1].leaseID)
            try await registry.sweep()
            var list = try await registry.list(ListRequest())
            #expect(list.records.count == 10)
            #expect(list.selfPreservation)
            #expect(list.records.filter { $0.health == .suspect }.count == 8)
            // The partition heals: leases heartbeat again and self-preservation ends.
            for grant in grants { _ = try await registry.heartbeat(grant.leaseID) }
            try await registry.sweep()
            list = try await registry.list(ListRequest())
            #expect(!list.selfPreservation)
            #expect(list.records.allSatisfy { $0.health == .healthy })
        }
    }

    /// A partition that never heals: after the limit, the lapsed leases expire after all.
    @Test func selfPreservationEndsAtItsLimit() async throws {
        try await withTemporaryDirectory { dir in
            let clock = ManualClock()
            var configuration = fastLeases()
            configuration.selfPreservationLimit = .seconds(2)
            let registry = try Registry(databasePath: dir + "/r.sqlite", regionCode: "330000",
                                        configuration: configuration, logger: quietLogger, now: clock.now)
            var grants: [LeaseGrant] = []
            for (i, county) in ["330102", "330105", "330106", "330108", "330109"].enumerated() {
                grants.append(try await registry.register(RegisterRequest(registration: registration("gateway", county, port: UInt16(7000 + i)))))
            }
            clock.advance(.milliseconds(250))
            _ = try await registry.heartbeat(grants[0].leaseID)
            try await registry.sweep()
            #expect(try await registry.list(ListRequest()).records.count == 5)
            #expect(await registry.selfPreservation)
            for _ in 0..<3 {
                clock.advance(.seconds(1))
                _ = try await registry.heartbeat(grants[0].leaseID)
                try await registry.sweep()
            }
            let list = try await registry.list(ListRequest())
            #expect(!list.selfPreservation)
            #expect(list.records.map(\.leaseID) == [grants[0].leaseID])
        }
    }

    @Test func aSingleLapsedLeaseAmongManyIsRemoved() async throws {
        try await withTemporaryDirectory { dir in
            let clock = ManualClock()
            let registry = try Registry(databasePath: dir + "/r.sqlite", regionCode: "330000",
                                        configuration: fastLeases(), logger: quietLogger, now: clock.now)
            var grants: [LeaseGrant] = []
            for (i, county) in ["330102", "330105", "330106", "330108", "330109", "330110"].enumerated() {
                grants.append(try await registry.register(RegisterRequest(registration: registration("gateway", county, port: UInt16(7000 + i)))))
            }
            for _ in 0..<5 {
                clock.advance(.milliseconds(50))
                for grant in grants.dropFirst() { _ = try await registry.heartbeat(grant.leaseID) }
                try await registry.sweep()
            }
            let list = try await registry.list(ListRequest())
            #expect(!list.selfPreservation)
            #expect(list.records.count == 5)
            #expect(!list.records.contains { $0.leaseID == grants[0].leaseID })
        }
    }

    @Test func registrationsSurviveARestartAsSuspectUntilTheyHeartbeat() async throws {
        try await withTemporaryDirectory { dir in
            let path = dir + "/r.sqlite"
            var grants: [LeaseGrant] = []
            do {
                let registry = try Registry(databasePath: path, regionCode: "330000", logger: quietLogger)
                grants.append(try await registry.register(RegisterRequest(registration: registration("gateway", "330100"))))
                grants.append(try await registry.register(RegisterRequest(registration: registration("material-reserve", "330106"))))
                let third = try await registry.register(RegisterRequest(registration: registration("gateway", "330200")))
                try await registry.deregister(third.leaseID)
            }
            let reopened = try Registry(databasePath: path, regionCode: "330000", logger: quietLogger)
            let list = try await reopened.list(ListRequest())
            #expect(list.records.map(\.registration.regionCode) == ["330100", "330106"])
            #expect(list.records.allSatisfy { $0.health == .suspect })
            #expect(list.revision == 4)
            _ = try await reopened.heartbeat(grants[0].leaseID)
            let after = try await reopened.list(ListRequest(service: "gateway"))
            #expect(after.records.map(\.health) == [.healthy])
            #expect(after.revision == 5)
        }
    }

    @Test func reRegisteringTheSameInstanceKeepsItsLease() async throws {
        try await withTemporaryDirectory { dir in
            let registry = try Registry(databasePath: dir + "/r.sqlite", regionCode: "330000", logger: quietLogger)
            let first = try await registry.register(RegisterRequest(registration: registration("gateway", "330100", instance: "gw-1")))
            var moved = registration("gateway", "330100", port: 9999, instance: "gw-1")
            moved.host = "10.0.0.1"
            let second = try await registry.register(RegisterRequest(registration: moved))
            #expect(first.leaseID == second.leaseID)
            let records = try await registry.list(ListRequest()).records
            #expect(records.map(\.registration.address) == ["10.0.0.1:9999"])
        }
    }
}

@Suite struct SnapshotTests {
    /// The snapshot file is rewritten when the instances change, not on every answer (ages always differ).
    @Test func answersDifferingOnlyInHeartbeatAgeAreTheSameInstances() throws {
        let record = RegistrationRecord(registration: registration("gateway", "330100"), leaseID: 7, health: .healthy,
                                        heartbeatAgeMilliseconds: 120, ttlMilliseconds: 15_000, revision: 3)
        var older = record
        older.heartbeatAgeMilliseconds = 4_800
        let a = LookupResponse(records: [record], matchedRegion: "330100", revision: 3)
        #expect(a.sameInstances(as: LookupResponse(records: [older], matchedRegion: "330100", revision: 9)))
        var suspect = record
        suspect.health = .suspect
        #expect(!a.sameInstances(as: LookupResponse(records: [suspect], matchedRegion: "330100", revision: 3)))
        #expect(!a.sameInstances(as: LookupResponse(records: [record], matchedRegion: "330000", revision: 3)))
    }
}
