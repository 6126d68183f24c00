import AnlanWire
import Foundation
import NIOCore

/// The last answers a node got from its registry, kept on disk so that a node cut off from the registry
/// (or restarted while it is down) still knows where its peers were — and says how old that knowledge is.
///
/// File format: one Anlan payload (`Entry` repeated as field 1), written to a temporary file and renamed.
public struct RegistrySnapshot: WireMessage, Sendable {
    /// One lookup's answer and when it was fetched.
    public struct Entry: WireMessage, Hashable, Sendable {
        public var service: String            // 1
        public var regionCode: String         // 2
        public var response: LookupResponse   // 3
        public var fetchedAtMilliseconds: Int64  // 4 (Unix time)

        public init(service: String, regionCode: String, response: LookupResponse, fetchedAtMilliseconds: Int64) {
            self.service = service
            self.regionCode = regionCode
            self.response = response
            self.fetchedAtMilliseconds = fetchedAtMilliseconds
        }

        public init(from reader: inout WireReader) throws(WireError) {
            var service = "", region = ""
            var response = LookupResponse(records: [], matchedRegion: "", revision: 0)
            var fetched: Int64 = 0
            while let field = try reader.nextField() {
                switch field.number {
                case 1: service = try reader.readString(field)
                case 2: region = try reader.readString(field)
                case 3: response = try reader.readMessage(field)
                case 4: fetched = try reader.readInt64(field)
                default: try reader.skip(field)
                }
            }
            self.init(service: service, regionCode: region, response: response, fetchedAtMilliseconds: fetched)
        }

        public func encode(to writer: inout WireWriter) {
            writer.write(1, string: service)
            writer.write(2, string: regionCode)
            writer.write(3, message: response)
            writer.write(4, int: fetchedAtMilliseconds)
        }

        var key: String { Self.key(service: service, regionCode: regionCode) }

        /// How entries are found: one per service and region asked about.
        static func key(service: String, regionCode: String) -> String { "\(service)|\(regionCode)" }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: entries.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) { writer.write(1, messages: entries) }

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
