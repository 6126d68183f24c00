import AnlanIdentity
import AnlanNode
import AnlanRecords
import AnlanRegions
import AnlanRPC
import AnlanTestSupport
import AnlanWire
import Foundation
import GatewayAPI
import HazardSurveyAPI
import MaterialReserveAPI
import Testing

extension IdentityMeshTests {
    /// Callers × methods × regions against the three-tier mesh of real processes over mutual TLS: people
    /// signed in with tokens (each by their own gateway's key) and nodes acting for
    /// themselves, each making the same nine calls at 西湖区 (330106) and the province. Every answer is
    /// compared with the table written out below by hand: refused means `permissionDenied`, anything
    /// else (an answer, `invalidArgument`, `alreadyExists`) means the call was let through.
    @Suite(.timeLimit(.minutes(3)), .serialized) struct AuthorizationTableTests {
        static let county = "330106", township = "330106002000", neighbourTownship = "330106003000"

        /// The calls, in the table's column order, with the region each touches.
        enum Call: String, CaseIterable {
            /// hazard.point.list of the whole county.
            case readCounty = "R1"
            /// hazard.point.list of 北山街道 (330106002000).
            case readTownship = "R2"
            /// hazard.point.list of 灵隐街道 (330106003000).
            case readNeighbourTownship = "R3"
            /// hazard.point.create in 北山街道 (maintain).
            case createPoint = "W1"
            /// hazard.hidden.create in 北山街道 (field work).
            case reportHidden = "F1"
            /// hazard.hidden.create in 灵隐街道 (field work).
            case reportHiddenNeighbour = "F2"
            /// reserve.order.create at the county (command).
            case createOrder = "C1"
            /// gateway.confirm at the county's gateway.
            case confirmCounty = "X1"
            /// gateway.confirm at the province's gateway.
            case confirmProvince = "X2"

            var isWrite: Bool { !rawValue.hasPrefix("R") }

            /// The region the call reads or writes.
            var target: String {
                switch self {
                case .readTownship, .createPoint, .reportHidden: AuthorizationTableTests.township
                case .readNeighbourTownship, .reportHiddenNeighbour: AuthorizationTableTests.neighbourTownship
                case .confirmProvince: "330000"
                default: AuthorizationTableTests.county
                }
            }
        }

        /// Who calls, and what the table expects of each call (+ let through, - refused), in `Call` order.
        static let table: [(caller: String, expected: String)] = [
            ("person 330000 officer", "+ + + + + + + - +"),
            ("person 330106 officer", "+ + + + + + + + -"),
            ("person 330106 administrator", "+ + + + - - - - -"),
            ("person 330106 cadre", "+ + + - + + - - -"),
            ("person 330106 inspector", "+ + + - + + - - -"),
            ("person 330106002000 cadre", "- + - - + - - - -"),
            ("person 330110 officer", "- - - - - - - - -"),
            ("person 330110 administrator", "- - - - - - - - -"),
            ("node 330000/duty-room", "+ + + - - - - - -"),
            ("node 330106/hazard-survey", "+ + + - - - - - -"),
            ("node 330106/gateway", "+ + + + + + + - -"),
            ("node 330100/gateway", "+ + + + + + + - -"),
            ("node 330110/gateway", "- - - - - - - - -"),
        ]

        @Test func everyCallerGetsWhatTheTableSaysAndNoCrossJurisdictionWritePasses() async throws {
            try await withTemporaryDirectory { dir in
                let mesh = try await TestMesh(directory: dir, mutualTLS: true)
                var crossJurisdictionWrites = 0, crossJurisdictionRefused = 0, expectedThrough = 0, through = 0, expectedRefused = 0, refused = 0
                for (n, row) in Self.table.enumerated() {
                    let parts = row.caller.split(separator: " ").map(String.init)
                    let jurisdiction = String(parts[1].split(separator: "/")[0])
                    let credential: RPCCredential?
                    let identity: NodeName?
                    if parts[0] == "person" {
                        // Each person is signed in by their own region's gateway, or (a township's) their county's.
                        let gateway = String(jurisdiction.prefix(6))
                        credential = try await mesh.token(by: gateway, id: "P\(n)", name: "测试\(n)", role: parts[2],
                                                    region: jurisdiction == gateway ? nil : jurisdiction)
                        identity = nil
                    } else {
                        credential = nil
                        identity = try NodeName(caller: parts[1])
                    }
                    let expected = row.expected.split(separator: " ").map { $0 == "+" }
                    for (call, allowed) in zip(Call.allCases, expected) {
                        let outcome = try await RPCCredential.$current.withValue(credential) {
                            try await Self.make(call, n: n, mesh: mesh, as: identity)
                        }
                        let wasRefused = outcome?.status == .permissionDenied
                        #expect(wasRefused == !allowed,
                                "\(row.caller) \(call.rawValue): expected \(allowed ? "through" : "refused"), got \(outcome.map { "\($0.status): \($0.message)" } ?? "an answer")")
                        if allowed { expectedThrough += 1; through += wasRefused ? 0 : 1 } else { expectedRefused += 1; refused += wasRefused ? 1 : 0 }
                        if call.isWrite, !RegionTree.zhejiang.isInSubtree(call.target, of: jurisdiction) {
                            crossJurisdictionWrites += 1
                            crossJurisdictionRefused += wasRefused ? 1 : 0
                        }
                    }
                }
                print("authorization table: \(Self.table.count) callers × \(Call.allCases.count) calls; let through \(through)/\(expectedThrough), "
                      + "refused \(refused)/\(expectedRefused); cross-jurisdiction writes refused \(crossJurisdictionRefused)/\(crossJurisdictionWrites)")
                #expect(crossJurisdictionWrites > 0 && crossJurisdictionRefused == crossJurisdictionWrites)
                #expect(through == expectedThrough && refused == expectedRefused)
                await mesh.close()
            }
        }

        /// Makes `call`; nil when it was answered, else the error (every kind but `permissionDenied` means it was let through).
        static func make(_ call: Call, n: Int, mesh: TestMesh, as identity: NodeName?) async throws -> RPCError? {
            do {
                switch call {
                case .readCounty, .readTownship, .readNeighbourTownship:
                    let hazard = try identity.map { try mesh.service("hazard-survey", county, as: $0) } ?? mesh.service("hazard-survey", county)
                    _ = try await hazard.call(HazardSurveyMethods.listPoints, HazardQuery(regionCode: call == .readCounty ? "" : call.target))
                case .createPoint:
                    let hazard = try identity.map { try mesh.service("hazard-survey", county, as: $0) } ?? mesh.service("hazard-survey", county)
                    _ = try await hazard.call(HazardSurveyMethods.createPoint, HazardPoint(
                        id: "AUTH-\(n)", regionCode: township, latitude: 30.26, longitude: 120.1, type: .landslide, band: 2,
                        populationAtRisk: 10, registeredForTransfer: 5, responsiblePerson: "王伟", responsiblePhone: "0571-87000000",
                        surveyedOn: CivilDay("2026-06-01"), sourceDepartment: "自然资源"))
                case .reportHidden, .reportHiddenNeighbour:
                    let hazard = try identity.map { try mesh.service("hazard-survey", county, as: $0) } ?? mesh.service("hazard-survey", county)
                    _ = try await hazard.call(HazardSurveyMethods.createHidden, HiddenHazard(id: "HH-\(n)-\(call.rawValue)", regionCode: call.target))
                case .createOrder:
                    let reserve = try identity.map { try mesh.service("material-reserve", county, as: $0) } ?? mesh.service("material-reserve", county)
                    _ = try await reserve.call(MaterialReserveMethods.createOrder, DispatchOrder())
                case .confirmCounty, .confirmProvince:
                    let gateway = try await mesh.client(gatewayOf: call == .confirmCounty ? county : "330000", as: identity)
                    _ = try await gateway.call(GatewayMethods.confirm, ConfirmRequest())
                }
                return nil
            } catch let error as RPCError {
                return error
            }
        }
    }
}
