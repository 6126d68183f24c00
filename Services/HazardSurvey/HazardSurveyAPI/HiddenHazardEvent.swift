import AnlanRecords
import AnlanWire

/// One step in a hidden hazard's history: who did what, when, and what it left behind.
public struct HiddenHazardEvent: WireMessage, Hashable, Codable {
    public var sequence: Int64                   // 1: 1, 2, 3 … per hazard
    public var action: HiddenHazardAction        // 2
    public var fromState: HiddenHazardState?     // 3 (absent for discover)
    public var toState: HiddenHazardState        // 4
    public var actor: String                     // 5
    /// When it was recorded, Unix time in milliseconds.
    public var recordedAtMilliseconds: Int64     // 6
    /// The day it happened (e.g. the closing day; today unless the request said otherwise).
    public var day: CivilDay?                    // 7
    public var note: String                      // 8
    /// A reference to the evidence: a document number, a photo id, a file path in the case system.
    public var evidence: String                  // 9
    /// The supervising tier and deadline after this step.
    public var supervisingTier: UInt8            // 10
    public var deadline: CivilDay?               // 11

    public init(sequence: Int64 = 0, action: HiddenHazardAction = .discover, fromState: HiddenHazardState? = nil,
                toState: HiddenHazardState = .discovered, actor: String = "", recordedAtMilliseconds: Int64 = 0,
                day: CivilDay? = nil, note: String = "", evidence: String = "", supervisingTier: UInt8 = 0,
                deadline: CivilDay? = nil) {
        self.sequence = sequence
        self.action = action
        self.fromState = fromState
        self.toState = toState
        self.actor = actor
        self.recordedAtMilliseconds = recordedAtMilliseconds
        self.day = day
        self.note = note
        self.evidence = evidence
        self.supervisingTier = supervisingTier
        self.deadline = deadline
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: sequence = try reader.readInt64(field)
            case 2: action = try reader.readEnum(field)
            case 3: fromState = try reader.readEnum(field)
            case 4: toState = try reader.readEnum(field)
            case 5: actor = try reader.readString(field)
            case 6: recordedAtMilliseconds = try reader.readInt64(field)
            case 7: day = try reader.readDay(field)
            case 8: note = try reader.readString(field)
            case 9: evidence = try reader.readString(field)
            case 10: supervisingTier = try reader.readUInt(field)
            case 11: deadline = try reader.readDay(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, int: sequence)
        writer.write(2, enum: action)
        if let fromState { writer.write(3, enum: fromState) }
        writer.write(4, enum: toState)
        writer.write(5, string: actor)
        writer.write(6, int: recordedAtMilliseconds)
        writer.write(7, day: day)
        writer.write(8, string: note)
        writer.write(9, string: evidence)
        writer.write(10, uint: supervisingTier)
        writer.write(11, day: deadline)
    }
}
