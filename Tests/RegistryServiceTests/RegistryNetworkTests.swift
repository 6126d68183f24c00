import AnlanDiscovery
import AnlanRPC
import AnlanWire
import AnlanTestSupport
import Foundation
import RegistryService
import Testing

@Suite(.timeLimit(.minutes(1))) struct RegistryNetworkTests {
    /// A client whose calls may wait 30 s: with every suite running at once on two slow cores, a call to
    /// the in-process registry once went past the default 3 s. The watch test checks what is answered,
    /// and in what order, not how fast.
    static func patientClient(_ port: Int) -> RegistryClient {
        RegistryClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: port, defaultTimeout: .seconds(30)))
    }

    @Test func watchPushesNumberedChangesAndResumesFromTheLastRevision() async throws {
        try await withTemporaryDirectory { dir in
            let registry = try Registry(databasePath: dir + "/r.sqlite", regionCode: "330000", logger: quietLogger)
            try await withRegistryServer(registry: registry) { port in
                let client = Self.patientClient(port)
                _ = try await client.register(registration("gateway", "330100", port: 7001))
                _ = try await client.register(registration("gateway", "330200", port: 7002))

                // First watch: the current state, then live changes.
                var events = try await client.watch().makeAsyncIterator()
                var seen: [WatchEvent] = []
                for _ in 0..<2 { seen.append(try #require(try await events.next())) }
                #expect(seen.map(\.kind) == [.put, .put])
                let grant = try await client.register(registration("gateway", "330300", port: 7003))
                seen.append(try #require(try await events.next()))
                #expect(seen.last?.record?.registration.port == 7003)
                #expect(seen.map(\.revision) == [1, 2, 3])
                let lastSeen = seen.last!.revision

                // The watcher disconnects; changes happen while it is away.
                await client.close()
                let other = Self.patientClient(port)
                try await other.deregister(leaseID: grant.leaseID, timeout: .seconds(30))
                _ = try await other.register(registration("material-reserve", "330106", port: 7004))

                // It resumes from its last revision and gets exactly what it missed, in order, then live.
                var resumed = try await other.watch(fromRevision: lastSeen).makeAsyncIterator()
                let missed1 = try #require(try await resumed.next())
                let missed2 = try #require(try await resumed.next())
                #expect([missed1.revision, missed2.revision] == [4, 5])
                #expect(missed1.kind == .delete && missed1.record?.registration.port == 7003)
                #expect(missed2.kind == .put && missed2.record?.registration.service == "material-reserve")
                _ = try await other.register(registration("gateway", "330400", port: 7005))
                let live = try #require(try await resumed.next())
                #expect(live.revision == 6)
                await other.close()
            }
        }
    }

    /// The registry's refusals reach a client with the wire status of the same name and the same message.
    @Test func refusalsReachTheClientWithTheirStatusAndMessage() async throws {
        try await withTemporaryDirectory { dir in
            let registry = try Registry(databasePath: dir + "/r.sqlite", regionCode: "330000", logger: quietLogger)
            try await withRegistryServer(registry: registry) { port in
                let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: port))
                await #expect { _ = try await client.call(RegistryMethods.heartbeat, LeaseRequest(leaseID: 42)) } throws: {
                    ($0 as? RPCError)?.status == .notFound
                        && ($0 as? RPCError)?.message == "lease 42 is unknown or expired; register again"
                }
                await #expect {
                    _ = try await client.call(RegistryMethods.register, RegisterRequest(registration: registration("gateway", "330100", port: 0)))
                } throws: {
                    ($0 as? RPCError)?.status == .invalidArgument
                        && ($0 as? RPCError)?.message == "registration needs a host and a port, got 127.0.0.1:0"
                }
                await client.close()
            }
        }
    }

    @Test func lookupFallsBackToTheSnapshotWithItsAgeWhenTheRegistryIsDown() async throws {
        try await withTemporaryDirectory { dir in
            let snapshot = dir + "/snapshot.bin"
            let registry = try Registry(databasePath: dir + "/r.sqlite", regionCode: "330000", logger: quietLogger)
            let port = try await withRegistryServer(registry: registry) { port in
                let client = RegistryClient(host: "127.0.0.1", port: port, snapshotPath: snapshot)
                _ = try await client.register(registration("material-reserve", "330106", port: 7100))
                let live = try await client.lookup(service: "material-reserve", regionCode: "330106")
                #expect(live.source == .live)
                await client.close()
                return port
            }
            // The registry is down now. A node that restarts reads the snapshot file.
            try await Task.sleep(for: .milliseconds(100))
            let restarted = RegistryClient(host: "127.0.0.1", port: port, snapshotPath: snapshot)
            let fallback = try await restarted.lookup(service: "material-reserve", regionCode: "330106")
            guard case .snapshot(let fetchedAt) = fallback.source else {
                Issue.record("expected a snapshot answer, got \(fallback.source)")
                return
            }
            #expect(fetchedAt <= Date())
            #expect(fallback.age >= 0.1)
            #expect(fallback.response.records.map(\.registration.port) == [7100])
            // A question never answered before has no snapshot: the registry's error comes through.
            await #expect { _ = try await restarted.lookup(service: "gateway", regionCode: "330106") } throws: {
                ($0 as? RPCError)?.status == .unavailable
            }
            await restarted.close()
        }
    }

    /// The province registry refers a township's lookup to the county registry registered beneath it.
    @Test func lookupFollowsReferralsDownTheTiers() async throws {
        try await withTemporaryDirectory { dir in
            let province = try Registry(databasePath: dir + "/province.sqlite", regionCode: "330000", logger: quietLogger)
            let county = try Registry(databasePath: dir + "/county.sqlite", regionCode: "330106", logger: quietLogger)
            try await withRegistryServer(registry: province) { provincePort in
                try await withRegistryServer(registry: county) { countyPort in
                    let atProvince = RegistryClient(host: "127.0.0.1", port: provincePort)
                    let atCounty = RegistryClient(host: "127.0.0.1", port: countyPort)
                    _ = try await atProvince.register(registration("registry", "330106", port: UInt16(countyPort)))
                    _ = try await atProvince.register(registration("material-reserve", "330000", port: 7200))
                    _ = try await atCounty.register(registration("material-reserve", "330106", port: 7201))

                    let township = try await atProvince.lookup(service: "material-reserve", regionCode: "330106002000")
                    #expect(township.response.matchedRegion == "330106")
                    #expect(township.response.records.map(\.registration.port) == [7201])
                    // Outside the county, the province's own answer stands.
                    let elsewhere = try await atProvince.lookup(service: "material-reserve", regionCode: "330212")
                    #expect(elsewhere.response.records.map(\.registration.port) == [7200])
                    await atProvince.close()
                    await atCounty.close()
                }
            }
        }
    }
}

/// The `registry` executable as a real process.
@Suite(.timeLimit(.minutes(1)), .serialized) struct RegistryProcessTests {
    /// An acknowledged registration survives `kill -9` of the registry process.
    @Test func acknowledgedRegistrationSurvivesKill9() async throws {
        try await withTemporaryDirectory { dir in
            let database = dir + "/registry.sqlite"
            let first = try NodeProcess("registry", ["--region", "330000", "--database", database], directory: dir, name: "a")
            let client = RegistryClient(host: "127.0.0.1", port: try await first.port())
            let grant = try await client.register(registration("hazard-survey", "330106", port: 7300))
            await client.close()
            await first.stop(signal: SIGKILL)
            #expect(first.process.terminationReason == .uncaughtSignal)

            let second = try NodeProcess("registry", ["--region", "330000", "--database", database], directory: dir, name: "b")
            let again = RegistryClient(host: "127.0.0.1", port: try await second.port())
            let found = try await again.lookup(service: "hazard-survey", regionCode: "330106")
            #expect(found.response.records.map(\.leaseID) == [grant.leaseID])
            #expect(found.response.records.first?.health == .suspect)
            _ = try await again.heartbeat(leaseID: grant.leaseID)
            await again.close()
            await second.stop(signal: SIGTERM)
            #expect(second.process.terminationStatus == 0)
        }
    }

    /// A county registry started with --parent registers with the province's; SIGTERM deregisters it.
    @Test func childRegistryJoinsItsParentAndLeavesOnSIGTERM() async throws {
        try await withTemporaryDirectory { dir in
            let parent = try NodeProcess("registry", ["--region", "330000", "--database", dir + "/p.sqlite"], directory: dir, name: "p")
            let parentPort = try await parent.port()
            let child = try NodeProcess("registry", ["--region", "330106", "--database", dir + "/c.sqlite", "--parent", "127.0.0.1:\(parentPort)"],
                                 directory: dir, name: "c")
            let childPort = try await child.port()
            let atParent = RegistryClient(host: "127.0.0.1", port: parentPort)
            var registered: [RegistrationRecord] = []
            for _ in 0..<200 where registered.isEmpty {
                registered = try await atParent.list(service: "registry").records
                if registered.isEmpty { try await Task.sleep(for: .milliseconds(25)) }
            }
            #expect(registered.map(\.registration.regionCode) == ["330106"])
            #expect(registered.first?.registration.port == UInt16(childPort))
            await child.stop(signal: SIGTERM)
            #expect(child.process.terminationStatus == 0)
            #expect(try await atParent.list(service: "registry").records.isEmpty)
            await atParent.close()
            await parent.stop(signal: SIGTERM)
        }
    }
}
