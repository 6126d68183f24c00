import AnlanIdentity
import AnlanNode
import AnlanRPC
import AnlanTestSupport
import AnlanWire
import Foundation
import GatewayAPI
import Testing

extension IdentityMeshTests {
    /// The three-tier mesh of real processes with mutual TLS on every connection: registrations, the
    /// gateways' calls to their services and to each other, and the test's own calls all present a
    /// certificate of the mesh's PKI (made with `gateway pki`) and check the other side's.
    @Suite(.timeLimit(.minutes(3)), .serialized) struct GatewayTLSTests {
        @Test func aMeshOverMutualTLSAnswersAndRefusesPlainAndRevokedCallers() async throws {
            try await withTemporaryDirectory { dir in
                let mesh = try await TestMesh(directory: dir, mutualTLS: true)
                try await mesh.loadCounty("330106", township: "330106002000", points: 3, units: 40)
                try await mesh.loadCounty("330110", township: "330110005000", points: 5, units: 25)
                let province = try await mesh.client(gatewayOf: "330000")

                // Every tier registered and answered over TLS: the province's figures are the counties'.
                let full = try await mesh.waitForSummary(province) { $0.nodesReporting == 3 }
                #expect(full.hazard.pointCells.reduce(0) { $0 + $1.points } == 8)
                let info = try await mesh.service("hazard-survey", "330106").call(NodeMethods.info, EmptyMessage())
                #expect(info.transport == "mutual TLS as anlan://330106/hazard-survey")

                // A caller without a certificate gets nothing.
                let plain = RPCClient(configuration: RPCClientConfiguration(
                    host: "127.0.0.1", port: province.configuration.port, connectTimeout: .seconds(2)))
                await #expect(throws: RPCError.self) { _ = try await plain.call(GatewayMethods.summary, SummaryRequest(), timeout: .seconds(2)) }
                await plain.close()

                // The duty room's certificate is revoked: its next connection is refused, by every node.
                let pki = PKIDirectory(try #require(mesh.pki))
                let dutyRoom = try NodeCredentials.load(from: pki, name: NodeName(region: "330000", service: "duty-room"))
                try RevocationList.line(serial: dutyRoom.chain[0].serialNumber.hex, note: "duty-room lost")
                    .write(toFile: pki.revocationList, atomically: true, encoding: .utf8)
                let revoked = RPCClient(configuration: RPCClientConfiguration(
                    host: "127.0.0.1", port: province.configuration.port, tls: try dutyRoom.clientTLS()))
                await #expect(throws: RPCError.self) { _ = try await revoked.call(GatewayMethods.summary, SummaryRequest(), timeout: .seconds(2)) }
                await revoked.close()
                await mesh.close()
            }
        }
    }
}
