import AnlanDiscovery
import AnlanNode
import AnlanRecords
import AnlanTestSupport
import AnlanWire
import Foundation
import GatewayService
import HazardSurveyAPI
import NIOCore
import Testing

/// The exported schema (docs/schema/anlan/*.proto and docs/PROTOCOL.md's generated tables) is what the
/// Swift declarations say, and a client built from it alone — protoc's Python classes — reads Anlan's bytes.
@Suite struct SchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func committedProtoFilesAreCurrent() throws {
        for (path, text) in ProtocolCatalogue.schema.protoFiles() {
            let committed = try String(contentsOf: Self.root.appendingPathComponent("docs/schema/\(path)"), encoding: .utf8)
            #expect(committed == text, "docs/schema/\(path) is out of date: run `gateway schema`")
        }
    }

    @Test func protocolDocumentTablesAreCurrent() throws {
        let document = try String(contentsOf: Self.root.appendingPathComponent("docs/PROTOCOL.md"), encoding: .utf8)
        #expect(try ProtocolCatalogue.updatingProtocolDocument(document) == document,
                "docs/PROTOCOL.md's generated tables are out of date: run `gateway schema`")
        for file in ProtocolCatalogue.schema.files {
            #expect(document.contains("<!-- BEGIN GENERATED \(file.name) -->"), "PROTOCOL.md has no block for \(file.name)")
        }
    }

    @Test func everyMessageAndFieldIsNamedOnce() {
        let entries = ProtocolCatalogue.schema.entries
        #expect(Set(entries.map(\.name)).count == entries.count)
        for entry in entries {
            guard case .message(let message) = entry.kind else { continue }
            #expect(Set(message.wireFields.map(\.number)).count == message.wireFields.count, "\(entry.name)")
            #expect(Set(message.wireFields.map(\.name)).count == message.wireFields.count, "\(entry.name)")
        }
    }

    /// protoc's Python classes, generated from the committed files, decode every golden frame's payload
    /// and real messages encoded by Swift, field for field.
    @Test func pythonBuiltFromTheSchemaDecodesAnlanBytes() async throws {
        let protoc = "/usr/bin/protoc", python = "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: protoc) else {
            Issue.record("protoc is missing: scripts/install-system-packages.sh installs protobuf-compiler and python3-protobuf")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("anlan-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = Self.root.appendingPathComponent("docs/schema").path
        let protos = try FileManager.default.contentsOfDirectory(atPath: schema + "/anlan").filter { $0.hasSuffix(".proto") }
            .map { "\(schema)/anlan/\($0)" } + ["\(schema)/example/sample.proto"]
        _ = try await Self.run(protoc, ["-I", schema, "--python_out=\(directory.path)"] + protos)

        var hazard = HiddenHazard(id: "HH-7", regionCode: "330106002000", description: "消防通道堵塞", major: true,
                                  discoveredOn: CivilDay("2026-07-01"), supervisingTier: 3, state: .assigned)
        hazard.history = [HiddenHazardEvent(sequence: 1, action: .discover, toState: .discovered, actor: "张三",
                                            recordedAtMilliseconds: -5),
                          HiddenHazardEvent(sequence: 2, action: .assign, fromState: .discovered, toState: .assigned)]
        let record = RegistrationRecord(registration: Registration(instanceID: "330106-registry", service: "registry",
                                                                   regionCode: "330106", port: 7403),
                                        leaseID: 9, health: .suspect, heartbeatAgeMilliseconds: 1200, ttlMilliseconds: 15000, revision: 4)
        let page = RecordPage(records: [HazardPoint(id: "HP-1", regionCode: "330106002000", latitude: 30.26, longitude: 120.12,
                                                    type: .flashFlood, band: 2, populationAtRisk: 40)], nextCursor: "c")
        let messages: [String: String] = [
            "anlan.hazard_survey.HiddenHazard": Self.hex(hazard.encoded()),
            "anlan.registry.LookupResponse": Self.hex(LookupResponse(records: [record], matchedRegion: "330106", revision: 4, referral: record).encoded()),
            "anlan.hazard_survey.HazardPointPage": Self.hex(page.encoded()),
            "anlan.common.NodeCount": Self.hex(NodeCount("年度差额", -42).encoded()),
        ]
        let input = directory.appendingPathComponent("messages.json")
        try JSONSerialization.data(withJSONObject: messages).write(to: input)
        let output = try await Self.run(python, [Self.root.appendingPathComponent("scripts/decode-with-schema.py").path, directory.path,
                                           Self.root.appendingPathComponent("Tests/AnlanWireTests/Fixtures").path, input.path])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let frames = try #require(decoded["frames"] as? [String: [String: Any]])
        let decodedMessages = try #require(decoded["messages"] as? [String: [String: Any]])

        #expect(frames.count == 8)
        let hello = try #require(frames["hello"]?["payload"] as? [String: Any])
        #expect(hello["node_id"] as? String == "probe-1" && hello["region_code"] as? String == "330000")
        #expect(hello["max_frame_size"] as? Int == 4_194_304 && hello["tier"] as? Int == 1)
        let sample = try #require(frames["request"]?["payload"] as? [String: Any])
        #expect(sample["text"] as? String == "浙江" && sample["delta"] as? String == "-2" && sample["ratio"] as? Double == 1.5)
        #expect((sample["inner"] as? [String: Any])?["name"] as? String == "x")
        #expect((frames["error"]?["payload"] as? [String: Any])?["message"] as? String == "unknown region code \"330199\"")
        #expect((frames["goaway"]?["payload"] as? [String: Any])?["last_request_id"] as? Int == 42)
        #expect(frames["compressed"]?["payload_bytes"] as? Int == 2000)

        let hidden = try #require(decodedMessages["anlan.hazard_survey.HiddenHazard"])
        #expect(hidden["description"] as? String == "消防通道堵塞" && hidden["major"] as? Bool == true)
        #expect(hidden["state"] as? String == "HIDDEN_HAZARD_STATE_ASSIGNED" && hidden["discovered_on"] as? String == "2026-07-01")
        let history = try #require(hidden["history"] as? [[String: Any]])
        #expect(history.count == 2 && history[0]["actor"] as? String == "张三")
        #expect(history[0]["recorded_at_milliseconds"] as? String == "-5" && history[1]["from_state"] as? String == "HIDDEN_HAZARD_STATE_DISCOVERED")
        let lookup = try #require(decodedMessages["anlan.registry.LookupResponse"])
        let referral = try #require(lookup["referral"] as? [String: Any])
        #expect(referral["health"] as? String == "LEASE_HEALTH_SUSPECT")
        #expect((referral["registration"] as? [String: Any])?["port"] as? Int == 7403)
        let points = try #require(decodedMessages["anlan.hazard_survey.HazardPointPage"]?["records"] as? [[String: Any]])
        #expect(points.first?["type"] as? String == "HAZARD_TYPE_FLASH_FLOOD" && points.first?["latitude"] as? Double == 30.26)
        #expect(decodedMessages["anlan.common.NodeCount"]?["value"] as? String == "-42")
    }

    static func hex(_ buffer: ByteBuffer) -> String {
        buffer.readableBytesView.map { String(format: "%02x", $0) }.joined()
    }

    /// Runs a program to its end; its standard output, or an error with its standard error.
    static func run(_ program: String, _ arguments: [String]) async throws -> String {
        let run = try await ProgramRun.run(URL(fileURLWithPath: program), arguments, errors: .kept)
        guard run.status == 0 else { throw SchemaTestError("\(program) exited \(run.status): \(run.errors)") }
        return run.output
    }

    struct SchemaTestError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
