import AnlanDiscovery
import AnlanRecords
import AnlanRPC
import AnlanTestSupport
import Testing

/// The registry killed with SIGKILL at random moments while eight writers register instances: every
/// acknowledged lease is there after each restart (a heartbeat on it is answered, not `notFound`).
@Suite(.timeLimit(.minutes(5))) struct RegistryCrashDrillTests {
    @Test func acknowledgedLeasesSurviveKill9UnderLoad() async throws {
        let drill = CrashDrill(executable: "registry", arguments: ["--region", "330000"], write: { client, round, writer, n in
            let instance = registration("hazard-survey", "330106", port: UInt16(1024 + n % 60_000), instance: "drill-\(round)-\(writer)-\(n)")
            let grant = try await client.call(RegistryMethods.register, RegisterRequest(registration: instance, ttlMilliseconds: 600_000))
            return String(grant.leaseID)
        }, isKept: { client, key in
            try await CrashDrill.exists { () async throws(RPCError) in
                try await client.call(RegistryMethods.heartbeat, LeaseRequest(leaseID: UInt64(key)!))
            }
        })
        let report = try await drill.run(rounds: 2)
        #expect(report.isClean, "\(report)")
    }
}
