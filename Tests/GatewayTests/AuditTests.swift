import AnlanIdentity
import AnlanNode
import AnlanRecords
import AnlanRPC
import AnlanTestSupport
import AnlanWire
import EmergencyResponseAPI
import Foundation
import GatewayAPI
import HazardSurveyAPI
import Testing

extension IdentityMeshTests {
    /// Who did it, as the nodes record it: over mutual TLS a person's token travels with their call
    /// through the gateways, every node checks it itself, the histories name the person it proves (not
    /// what the request claims), and each node's audit list shows its writes and refusals.
    @Suite(.timeLimit(.minutes(3)), .serialized) struct AuditTests {
        @Test func aCallThroughTheTiersIsCheckedAndRecordedAsThePersonWhoMadeIt() async throws {
            try await withTemporaryDirectory { dir in
                let mesh = try await TestMesh(directory: dir, countyServices: ["hazard-survey", "emergency-response"], mutualTLS: true)
                let cadre = try await mesh.token(by: "330106", id: "C-1", name: "李娜", role: "cadre", region: "330106002000")
                let province = try await mesh.client(gatewayOf: "330000")
                _ = try await mesh.waitForSummary(province) { $0.nodesReporting == 3 }

                // Her report enters at the province and is kept by 西湖区's emergency-response, three hops down:
                // each hop checked her token, and the node that kept it records her, not the gateway that called.
                let incident = try await RPCCredential.$current.withValue(cadre) {
                    try await province.call(GatewayMethods.reportIncident, Incident(kind: .flood, title: "北山街道内涝", regionCode: "330106002000"))
                }
                #expect(incident.id.hasPrefix("330106-"))
                let response = mesh.service("emergency-response", "330106")
                let written = try await response.call(NodeMethods.audit, AuditQuery(method: "response.incident.report"))
                #expect(written.records.first?.who == "李娜 (干部, 330106002000) via anlan://330106/gateway", "\(written.records)")
                #expect(written.records.first?.outcome == "ok")

                // The neighbouring county's township is not hers: the province refuses, and so does the
                // neighbour's own node when she calls it directly.
                await #expect(throws: RPCError.self) {
                    try await RPCCredential.$current.withValue(cadre) {
                        _ = try await province.call(GatewayMethods.reportIncident, Incident(kind: .flood, title: "内涝", regionCode: "330110005000"))
                    }
                }
                let neighbour = mesh.service("emergency-response", "330110")
                let refusal = await #expect(throws: RPCError.self) {
                    try await RPCCredential.$current.withValue(cadre) {
                        _ = try await neighbour.call(EmergencyResponseMethods.reportIncident, Incident(kind: .flood, title: "内涝", regionCode: "330110005000"))
                    }
                }
                #expect(refusal?.status == .permissionDenied)
                let refused = try await neighbour.call(NodeMethods.audit, AuditQuery(who: "李娜"))
                #expect(refused.records.count == 1 && refused.records[0].outcome.hasPrefix("permission denied"), "\(refused.records)")

                // A hidden hazard's history names the inspector her token proves, whatever the request says.
                let inspector = try await mesh.token(by: "330106", id: "I-7", name: "赵敏", role: "inspector")
                let hazard = mesh.service("hazard-survey", "330106")
                let moved = try await RPCCredential.$current.withValue(inspector) {
                    _ = try await hazard.call(HazardSurveyMethods.createHidden, HiddenHazard(
                        id: "HH-AUDIT", regionCode: "330106002000", location: "北山街道某仓库", description: "消防通道堵塞", category: "消防", discoveredOn: CivilDay("2026-12-01"),
                        discoveredBy: "赵敏", supervisingTier: 3))
                    return try await hazard.call(HazardSurveyMethods.transitionHidden, TransitionRequest(
                        id: "HH-AUDIT", action: .assign, actor: "某领导", note: "交办", day: CivilDay("2026-12-02")))
                }
                #expect(moved.history.last?.actor == "赵敏 (督查员, 330106) via anlan://330106/gateway", "\(moved.history)")

                // A forged token (her jurisdiction rewritten, the signature kept) is refused outright.
                var parts = cadre.token.split(separator: ".").map(String.init)
                parts[1] = parts[1].replacingOccurrences(of: parts[1].prefix(8), with: String(parts[1].prefix(8).reversed()))
                let forged = RPCCredential(token: parts.joined(separator: "."))
                let forgedRefusal = await #expect(throws: RPCError.self) {
                    try await RPCCredential.$current.withValue(forged) {
                        _ = try await hazard.call(HazardSurveyMethods.listPoints, HazardQuery(regionCode: "330106002000"))
                    }
                }
                #expect(forgedRefusal?.status == .permissionDenied && forgedRefusal?.message.contains("not valid") == true)
                await mesh.close()
            }
        }

        @Test func workThatOutlivesARequestActsForTheNodeNotForThePerson() async throws {
            try await withTemporaryDirectory { dir in
                // Summaries at most a second old: the province keeps the one it was asked for standing,
                // recomposed every half second by a fan-out of its own.
                let mesh = try await TestMesh(directory: dir, maxAge: "1", mutualTLS: true)
                let province = try await mesh.client(gatewayOf: "330000")
                // Ready, asked fresh (max age 0 keeps nothing standing): her request is the first to be kept.
                _ = try await mesh.waitForSummary(province, SummaryRequest(maxAgeMilliseconds: 0)) { $0.nodesReporting == 3 }
                let officer = try await mesh.token(by: "330000", id: "O-1", name: "夜班值班员", role: "officer", lifetime: .seconds(2))
                _ = try await RPCCredential.$current.withValue(officer) {
                    try await province.call(GatewayMethods.summary, SummaryRequest())
                }
                // Her token has expired; the standing summary goes on being recomposed, as the province's node.
                try await Task.sleep(for: .seconds(4))
                let summary = try await province.call(GatewayMethods.summary, SummaryRequest())
                #expect(summary.nodesReporting == 3 && summary.coverage.text.contains("tier 3 2/2"), "\(summary.coverage.text)")
                let age = Int64(Date().timeIntervalSince1970 * 1000) - summary.asOfMilliseconds
                #expect(age < 1500, "recomposed within the last refresh, not left at her last request: \(age) ms")
                for region in ["330100", "330106", "330110"] {
                    let refused = try await mesh.client(gatewayOf: region).call(NodeMethods.audit, AuditQuery(who: "夜班值班员"))
                    #expect(refused.records.isEmpty, "\(region) was asked with her expired token: \(refused.records.map(\.outcome))")
                }
                await mesh.close()
            }
        }
    }
}
