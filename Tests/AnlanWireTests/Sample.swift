import AnlanWire
import NIOCore

/// The "Sample" message of docs/PROTOCOL.md: one field of every wire type and a nested message.
struct Sample: WireMessage, Hashable {
    var text = ""        // 1 string
    var count: UInt64 = 0  // 2 uint
    var delta: Int64 = 0 // 3 sint (zigzag)
    var ratio = 0.0      // 4 double
    var flag = false     // 5 bool
    var inner: Inner?    // 6 message
    var tags: [String] = []  // 7 repeated string

    struct Inner: WireMessage, Hashable {
        var name = ""
        init(name: String) { self.name = name }
        init(from reader: inout WireReader) throws(WireError) {
            while let field = try reader.nextField() {
                switch field.number {
                case 1: name = try reader.readString(field)
                default: try reader.skip(field)
                }
            }
        }
        func encode(to writer: inout WireWriter) {
            if !name.isEmpty { writer.write(1, string: name) }
        }
    }

    init(text: String = "", count: UInt64 = 0, delta: Int64 = 0, ratio: Double = 0, flag: Bool = false,
         inner: Inner? = nil, tags: [String] = []) {
        self.text = text
        self.count = count
        self.delta = delta
        self.ratio = ratio
        self.flag = flag
        self.inner = inner
        self.tags = tags
    }

    init(from reader: inout WireReader) throws(WireError) {
        while let field = try reader.nextField() {
            switch field.number {
            case 1: text = try reader.readString(field)
            case 2: count = try reader.readUInt64(field)
            case 3: delta = try reader.readInt64(field)
            case 4: ratio = try reader.readDouble(field)
            case 5: flag = try reader.readBool(field)
            case 6: inner = try reader.readMessage(field)
            case 7: tags.append(try reader.readString(field))
            default: try reader.skip(field)
            }
        }
    }

    func encode(to writer: inout WireWriter) {
        if !text.isEmpty { writer.write(1, string: text) }
        if count != 0 { writer.write(2, uint: count) }
        if delta != 0 { writer.write(3, int: delta) }
        if ratio != 0 { writer.write(4, double: ratio) }
        if flag { writer.write(5, bool: flag) }
        if let inner { writer.write(6, message: inner) }
        writer.write(7, strings: tags)
    }

    /// The value encoded in the golden frames.
    static let golden = Sample(text: "浙江", count: 300, delta: -2, ratio: 1.5, flag: true, inner: Inner(name: "x"))
}

/// A message nested in itself, to test the depth limit.
struct Nest: WireMessage {
    var child: [Nest] = []
    init(depth: Int) { if depth > 0 { child = [Nest(depth: depth - 1)] } }
    init(from reader: inout WireReader) throws(WireError) {
        while let field = try reader.nextField() {
            switch field.number {
            case 1: child.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }
    func encode(to writer: inout WireWriter) { writer.write(1, messages: child) }
    var depth: Int { child.first.map { $0.depth + 1 } ?? 0 }
}

func hexBuffer(_ hex: String) -> ByteBuffer {
    var bytes: [UInt8] = []
    var chars = hex.filter { !$0.isWhitespace }.makeIterator()
    while let high = chars.next(), let low = chars.next() {
        bytes.append(UInt8(String([high, low]), radix: 16)!)
    }
    return ByteBuffer(bytes: bytes)
}

func hex(_ buffer: ByteBuffer) -> String {
    buffer.readableBytesView.map { String(format: "%02x", $0) }.joined()
}
