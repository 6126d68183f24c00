import AnlanRecords
import AnlanRPC
import AnlanTestSupport
import MaterialReserveAPI
import Testing

/// material-reserve killed with SIGKILL at random moments while eight writers create dispatch orders
/// (each with its own idempotency key): every acknowledged order is there after each restart.
@Suite(.timeLimit(.minutes(5))) struct ReserveCrashDrillTests {
    @Test func acknowledgedOrdersSurviveKill9UnderLoad() async throws {
        let drill = CrashDrill(executable: "material-reserve", arguments: ["--region", "330106"], write: { client, round, writer, n in
            try await client.call(MaterialReserveMethods.createOrder, DispatchOrder(
                idempotencyKey: "drill-\(round)-\(writer)-\(n)", destinationRegion: "330106003000", destinationLatitude: 30.24,
                destinationLongitude: 120.10, lines: [DispatchLine(itemCode: "3010201", quantity: 5)])).id
        }, isKept: { client, key in
            try await CrashDrill.exists { () async throws(RPCError) in try await client.call(MaterialReserveMethods.getOrder, RecordID(key)) }
        })
        let report = try await drill.run(rounds: 2)
        #expect(report.isClean, "\(report)")
    }
}
