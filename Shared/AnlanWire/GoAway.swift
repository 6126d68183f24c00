/// The payload of a GOAWAY frame: the sender drains.
///
/// Requests with ids up to `lastRequestID` that the sender already accepted will be answered; any
/// REQUEST arriving after the GOAWAY is answered with `notProcessed` (safe to retry elsewhere).
public struct GoAway: WireMessage, Hashable {
    public var lastRequestID: UInt32  // 1
    public var reason: String         // 2

    public init(lastRequestID: UInt32, reason: String) {
        self.lastRequestID = lastRequestID
        self.reason = reason
    }

    public init(from reader: inout WireReader) throws(WireError) {
        var last: UInt32 = 0
        var reason = ""
        while let field = try reader.nextField() {
            switch field.number {
            case 1: last = try reader.readUInt(field)
            case 2: reason = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
        self.init(lastRequestID: last, reason: reason)
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, uint: lastRequestID)
        if !reason.isEmpty { writer.write(2, string: reason) }
    }
}
