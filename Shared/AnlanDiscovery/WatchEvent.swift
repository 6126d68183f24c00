import AnlanWire

/// One numbered change pushed to a watcher.
///
/// `put` adds or replaces a record (also a health change), `delete` removes it. `reset` says the watcher's
/// revision is older than the registry's change log reaches: drop what you hold; the current state follows
/// as `put`s, then live changes.
public struct WatchEvent: WireMessage, Hashable {
    public enum Kind: UInt8, Sendable {
        case put = 1
        case delete = 2
        case reset = 3
    }

    public var revision: UInt64              // 1
    public var kind: Kind                    // 2
    public var record: RegistrationRecord?   // 3

    public init(revision: UInt64, kind: Kind, record: RegistrationRecord?) {
        self.revision = revision
        self.kind = kind
        self.record = record
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(revision: 0, kind: .put, record: nil)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: revision = try reader.readUInt64(field)
            case 2:
                let raw: UInt8 = try reader.readUInt(field)
                guard let kind = Kind(rawValue: raw) else { throw WireError(.malformedPayload, "unknown watch event kind \(raw)") }
                self.kind = kind
            case 3: record = try reader.readMessage(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, uint: revision)
        writer.write(2, uint: kind.rawValue)
        if let record { writer.write(3, message: record) }
    }
}
