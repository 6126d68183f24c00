import AnlanFuzzSupport
import AnlanWire
import GatewayService
import NIOCore

/// Every message type of the protocol, in the order `gateway schema` exports them: a message added to
/// any service's API (or the gateway's) is fuzzed as soon as it is in the schema.
let messageTypes: [any WireMessage.Type] = ProtocolCatalogue.schema.entries.compactMap { entry in
    if case .message(let type) = entry.kind { type } else { nil }
}

/// libFuzzer entry: a payload decoded as one of the protocol's messages, under the default `WireLimits`.
///
/// Input: two bytes choosing the message type (big-endian, modulo the number of types), then the payload.
/// A `WireError` is the expected answer to a malformed or over-limit payload. Invariant: a payload that
/// decodes encodes again to bytes that decode, and encoding those gives the same bytes (unknown fields
/// are dropped the first time, so the first re-encoding is the fixed point).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPayloads(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let type = messageTypes[input.choice(of: messageTypes.count)]
    let payload = ByteBuffer(bytes: input.rest())
    let message: any WireMessage
    do {
        message = try type.init(decoding: payload, limits: .defaults)
    } catch {
        return 0
    }
    let encoded = message.encoded()
    do {
        let again = try type.init(decoding: encoded, limits: .defaults).encoded()
        precondition(again == encoded, "\(type): encoding, decoding and encoding again changed the bytes")
    } catch {
        preconditionFailure("\(type): a decoded message encodes to bytes that do not decode: \(error)")
    }
    return 0
}
