import AnlanWire
import NIOCore

/// The payload of `node.echo`: bytes sent back unchanged (connectivity checks and benchmarks).
public struct Echo: WireMessage, Hashable {
    public var data: ByteBuffer  // 1

    public init(data: ByteBuffer) { self.data = data }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(data: ByteBuffer())
        while let field = try reader.nextField() {
            switch field.number {
            case 1: data = try reader.readBytes(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) { writer.write(1, bytes: data) }
}
