import AnlanRecords
import AnlanRPC
import AnlanTestSupport
import EvacuationAPI
import Testing

/// evacuation killed with SIGKILL at random moments while eight writers code people (each person's
/// transfer code drawn by the service): every acknowledged code is there after each restart.
@Suite(.timeLimit(.minutes(5))) struct EvacuationCrashDrillTests {
    @Test func acknowledgedPeopleSurviveKill9UnderLoad() async throws {
        let drill = CrashDrill(executable: "evacuation", arguments: ["--region", "330106"], write: { client, round, writer, n in
            let serial = CrashDrill.serial(round: round, writer: writer, n: n)
            return try await client.call(EvacuationMethods.putPerson, CodedPerson(
                name: "村民\(serial)", nationalID: CrashDrill.nationalID(serial), regionCode: "330106002000", village: "龙井村",
                riskKind: .geological, cadre: "王村干")).transferCode
        }, isKept: { client, key in
            try await CrashDrill.exists { () async throws(RPCError) in try await client.call(EvacuationMethods.getPerson, RecordID(key)) }
        })
        let report = try await drill.run(rounds: 2)
        #expect(report.isClean, "\(report)")
    }
}
