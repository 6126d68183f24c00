/// The payload of an ERROR frame: a human-readable message (the status is in the header).
public struct ErrorPayload: WireMessage, Hashable {
    public var message: String       // 1
    public var detail: String?       // 2: optional machine-oriented detail, e.g. the field at fault

    public init(message: String, detail: String? = nil) {
        self.message = message
        self.detail = detail
    }

    public init(from reader: inout WireReader) throws(WireError) {
        var message = ""
        var detail: String?
        while let field = try reader.nextField() {
            switch field.number {
            case 1: message = try reader.readString(field)
            case 2: detail = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
        self.init(message: message, detail: detail)
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: message)
        writer.write(2, optionalString: detail)
    }
}
