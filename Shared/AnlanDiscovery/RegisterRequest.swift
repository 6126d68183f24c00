import AnlanWire

/// Asks for a lease on a registration (replacing any earlier one with the same instance id).
public struct RegisterRequest: WireMessage, Hashable {
    public var registration: Registration   // 1
    /// Requested lease TTL; the registry clamps it to its allowed range. 0: the registry's default.
    public var ttlMilliseconds: UInt32      // 2

    public init(registration: Registration, ttlMilliseconds: UInt32 = 0) {
        self.registration = registration
        self.ttlMilliseconds = ttlMilliseconds
    }

    public init(from reader: inout WireReader) throws(WireError) {
        var registration: Registration?
        var ttl: UInt32 = 0
        while let field = try reader.nextField() {
            switch field.number {
            case 1: registration = try reader.readMessage(field)
            case 2: ttl = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
        guard let registration else { throw WireError(.malformedPayload, "register request without a registration") }
        self.init(registration: registration, ttlMilliseconds: ttl)
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, message: registration)
        if ttlMilliseconds != 0 { writer.write(2, uint: ttlMilliseconds) }
    }
}
