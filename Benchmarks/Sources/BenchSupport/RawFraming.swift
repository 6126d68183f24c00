import NIOCore
import NIOExtras

/// The raw NIO echo's framing: a 4-byte big-endian length, then the bytes (NIOExtras' length-field codecs).
public enum RawFraming {
    public static func configure(_ pipeline: ChannelPipeline.SynchronousOperations) throws {
        try pipeline.addHandler(ByteToMessageHandler(LengthFieldBasedFrameDecoder(lengthFieldBitLength: .fourBytes)))
        try pipeline.addHandler(LengthFieldPrepender(lengthFieldBitLength: .fourBytes))
    }
}
