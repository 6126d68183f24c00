import AnlanRecords
import AnlanWire

/// Moves a hidden hazard one step through the loop (or escalates it); answered with the hazard after it.
public struct TransitionRequest: WireMessage, Hashable, Codable {
    public var id: String                   // 1
    public var action: HiddenHazardAction   // 2
    public var actor: String                // 3 (required)
    public var note: String                 // 4
    /// Required for rectify and close.
    public var evidence: String             // 5
    /// The day it happened; absent means today at the node. Not before the last step, not in the future.
    public var day: CivilDay?               // 6

    public init(id: String = "", action: HiddenHazardAction = .assign, actor: String = "", note: String = "",
                evidence: String = "", day: CivilDay? = nil) {
        self.id = id
        self.action = action
        self.actor = actor
        self.note = note
        self.evidence = evidence
        self.day = day
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            case 2: action = try reader.readEnum(field)
            case 3: actor = try reader.readString(field)
            case 4: note = try reader.readString(field)
            case 5: evidence = try reader.readString(field)
            case 6: day = try reader.readDay(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: id)
        writer.write(2, enum: action)
        writer.write(3, string: actor)
        writer.write(4, string: note)
        writer.write(5, string: evidence)
        writer.write(6, day: day)
    }
}
