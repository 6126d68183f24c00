import AnlanWire
import Foundation
import NIOCore

/// The last answers a node got from its registry, kept on disk so that a node cut off from the registry
/// (or restarted while it is down) still knows where its peers were — and says how old that knowledge is.
///
/// File format: one Anlan payload (`Entry` repeated as field 1), written to a temporary file and renamed.
@WireMessage
public struct RegistrySnapshot: Sendable {
    /// One lookup's answer and when it was fetched.
    @WireMessage
    public struct Entry: Hashable, Sendable {
        @Field(1) public var service: String = ""
        @Field(2) public var regionCode: String = ""
        @Field(3) public var response: LookupResponse = LookupResponse()
        /// Unix time.
        @Field(4) public var fetchedAtMilliseconds: Int64 = 0

        var key: String { Self.key(service: service, regionCode: regionCode) }

        /// How entries are found: one per service and region asked about.
        static func key(service: String, regionCode: String) -> String { "\(service)|\(regionCode)" }
    }

    @Field(1) public var entries: [Entry] = []

    /// Reads a snapshot file; a missing file is an empty snapshot, a damaged one is reported and ignored.
    public static func load(path: String) -> RegistrySnapshot {
        guard let data = FileManager.default.contents(atPath: path) else { return RegistrySnapshot() }
        return (try? RegistrySnapshot(decoding: ByteBuffer(bytes: data))) ?? RegistrySnapshot()
    }

    /// Writes the snapshot atomically (temporary file, then rename).
    public func save(path: String) throws {
        let buffer = encoded()
        let temporary = path + ".tmp"
        try Data(buffer.readableBytesView).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
