import Foundation
import NIOConcurrencyHelpers

/// The serial numbers a node no longer trusts (吊销列表), read from a text file that the PKI command
/// writes and every node reloads when it changes (checked at each new connection, by its modification
/// time, so a revocation takes effect without a restart).
///
/// The file: one lower-case hexadecimal serial per line, optionally followed by a space and a note;
/// blank lines and lines starting with `#` are skipped. A missing file revokes nothing; a file that
/// exists but cannot be read (half-copied, permissions) keeps the last list read, never an empty one,
/// and is read again at the next connection.
public final class RevocationList: Sendable {
    public let path: String?
    private let state = NIOLockedValueBox<(modified: Date?, serials: Set<String>)>((nil, []))

    public init(path: String?) {
        self.path = path
    }

    /// The revoked serials as of now.
    public func current() -> Set<String> {
        guard let path else { return [] }
        let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        if let cached = state.withLockedValue({ $0.modified == modified ? $0.serials : nil }) { return cached }
        guard modified != nil else {
            state.withLockedValue { $0 = (nil, []) }
            return []
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return state.withLockedValue { $0.serials }
        }
        let serials = Self.parse(text)
        state.withLockedValue { $0 = (modified, serials) }
        return serials
    }

    static func parse(_ text: String) -> Set<String> {
        var serials: Set<String> = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let serial = trimmed.prefix { !$0.isWhitespace }.lowercased()
            serials.insert(serial)
        }
        return serials
    }

    /// A line for the file: the serial and what it was (`gateway pki revoke` appends these).
    public static func line(serial: String, note: String) -> String {
        "\(serial) \(note)\n"
    }
}
