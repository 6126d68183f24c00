import AnlanWire
import NIOCore
import Testing

/// A message declared with `@WireMessage`, using every presence rule the macro offers.
@WireMessage
struct Shelter: Hashable, Sendable {
    /// Always written, even when empty.
    @Field(1) var id: String = ""
    @Field(2, .omitDefault) var capacity: UInt32 = 0
    @Field(3) var occupancy: Int64 = 0
    @Field(4) var note: String?
    @Field(5) var tags: [String] = []
    @Field(6) var level: Level = .ready
    @Field(7, .required) var region: String = ""
    /// Free places, derived: written for the reader, never read back.
    @Field(8) var free: Int64 { Int64(capacity) - occupancy }
    /// Counted by `wireDidDecode`, to show it runs after decoding.
    var decodedTags = 0

    mutating func wireDidDecode() { decodedTags = tags.count }

    enum Level: UInt8, CaseIterable, WireEnumeration {
        case ready = 1, open = 2, full = 3
        static var kindName: String { "shelter level" }
    }
}

@WireMessage
struct Fallback: Hashable, Sendable {
    @Field(1) var health: Health = .good

    enum Health: UInt8, CaseIterable, WireEnumeration {
        case good = 1, doubtful = 2
        static var unknownWireValue: Health? { .doubtful }
    }
}

@Suite struct DeclaredMessageTests {
    static func hex(_ buffer: ByteBuffer) -> String { buffer.readableBytesView.map { String(format: "%02x", $0) }.joined() }

    @Test func presenceRulesDecideWhatIsWritten() {
        // id always (empty), capacity omitted at 0, occupancy always, note and tags absent, level always,
        // region always, free derived (0 - 0 = 0, always).
        let empty = Shelter(region: "3")
        #expect(Self.hex(empty.encoded()) == "0a00" + "1800" + "3001" + "3a0133" + "4000")
        let full = Shelter(id: "S", capacity: 2, occupancy: -1, note: "n", tags: ["a", "b"], level: .full, region: "3")
        #expect(Self.hex(full.encoded()) == "0a0153" + "1002" + "1801" + "22016e" + "2a0161" + "2a0162" + "3003" + "3a0133" + "4006")
    }

    @Test func decodingRestoresStoredFieldsAndRunsTheHook() throws {
        let shelter = Shelter(id: "S-1", capacity: 300, occupancy: 12, note: "学校", tags: ["x", "y", "z"], level: .open, region: "330106")
        let decoded = try Shelter(decoding: shelter.encoded())
        #expect(decoded.id == "S-1" && decoded.capacity == 300 && decoded.occupancy == 12 && decoded.note == "学校")
        #expect(decoded.tags == ["x", "y", "z"] && decoded.level == .open && decoded.region == "330106")
        #expect(decoded.free == 288)
        #expect(decoded.decodedTags == 3)
    }

    @Test func aMissingRequiredFieldIsMalformed() {
        var writer = WireWriter()
        writer.write(1, string: "S-1")
        #expect(throws: WireError.self) { try Shelter(decoding: writer.buffer) }
        do {
            _ = try Shelter(decoding: writer.buffer)
        } catch {
            #expect(error.code == .malformedPayload)
            #expect("\(error)".contains("region"))
        }
    }

    @Test func unknownEnumNumbersAreRefusedOrFallBack() throws {
        var writer = WireWriter()
        writer.write(6, uint: 9)
        writer.write(7, string: "3")
        #expect(throws: WireError.self) { try Shelter(decoding: writer.buffer) }
        var fallback = WireWriter()
        fallback.write(1, uint: 77)
        #expect(try Fallback(decoding: fallback.buffer).health == .doubtful)
    }

    @Test func unknownFieldsAndADerivedFieldAreSkipped() throws {
        var writer = WireWriter()
        writer.write(7, string: "3")
        writer.write(8, int: 12345)        // the derived field, sent by a peer: not read
        writer.write(99, string: "newer")  // a field from a newer peer
        let decoded = try Shelter(decoding: writer.buffer)
        #expect(decoded.region == "3" && decoded.free == 0)
    }

    @Test func theSchemaDescribesTheDeclaration() {
        let fields = Shelter.wireFields
        #expect(fields.map(\.number) == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(fields.map(\.name) == ["id", "capacity", "occupancy", "note", "tags", "level", "region", "free"])
        #expect(fields.map(\.cardinality) == [.single, .single, .single, .optional, .repeated, .single, .single, .single])
        #expect(fields[1].omitsDefault && fields[6].required && fields[7].derived)
        #expect(fields[0].doc == "Always written, even when empty.")
        #expect(Shelter.wireName == "Shelter" && Shelter.Level.wireName == "ShelterLevel")
        let schema = WireSchema(files: [SchemaFile(name: "test", title: "test", modules: ["AnlanWireTests"],
                                                   extraMessages: [Shelter.self])])
        let proto = schema.protoFiles()[0].text
        #expect(proto.contains("  optional string note = 4;"))
        #expect(proto.contains("  repeated string tags = 5;"))
        #expect(proto.contains("  ShelterLevel level = 6;"))
        #expect(proto.contains("  SHELTER_LEVEL_UNSPECIFIED = 0;\n  SHELTER_LEVEL_READY = 1;"))
    }
}
