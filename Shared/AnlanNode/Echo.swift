import AnlanWire
import NIOCore

/// The payload of `node.echo`: bytes sent back unchanged (connectivity checks and benchmarks); fields
/// other than 1 are not sent back.
@WireMessage
public struct Echo: Hashable, Sendable {
    /// echoed unchanged
    @Field(1) public var data: ByteBuffer = ByteBuffer()
}
