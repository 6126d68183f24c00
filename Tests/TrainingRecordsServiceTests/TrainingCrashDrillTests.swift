import AnlanRecords
import AnlanRPC
import AnlanTestSupport
import Testing
import TrainingRecordsAPI

/// training-records killed with SIGKILL at random moments while eight writers put people: every
/// acknowledged person is there after each restart.
@Suite(.timeLimit(.minutes(5))) struct TrainingCrashDrillTests {
    @Test func acknowledgedPeopleSurviveKill9UnderLoad() async throws {
        let drill = CrashDrill(executable: "training-records", arguments: ["--region", "330106"], write: { client, round, writer, n in
            let serial = CrashDrill.serial(round: round, writer: writer, n: n)
            return try await client.call(TrainingRecordsMethods.putPerson, Person(
                id: "P-\(serial)", name: "人员\(serial)", nationalID: CrashDrill.nationalID(serial), role: .cadre,
                regionCode: "330106002000", joinedOn: CivilDay("2025-03-01"))).id
        }, isKept: { client, key in
            try await CrashDrill.exists { () async throws(RPCError) in try await client.call(TrainingRecordsMethods.getPerson, RecordID(key)) }
        })
        let report = try await drill.run(rounds: 2)
        #expect(report.isClean, "\(report)")
    }
}
