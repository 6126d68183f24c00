import AnlanRegions
import Crypto
import CryptoExtras
import Foundation

/// The people a gateway signs in (人员名册): `people-<region>.txt` in its PKI directory, one person a
/// line — id, name, role, jurisdiction, and the scrypt hash of their password (never the password),
/// tab-separated. `gateway pki person` adds or replaces a line; the gateway reads the file at each
/// sign-in, so a change takes effect without a restart.
public struct PeopleRoster: Sendable {
    /// One person of the roster.
    public struct Entry: Hashable, Sendable {
        public var id: String
        public var name: String
        public var role: Role
        public var region: String
        /// `scrypt:<N>:<salt, base64>:<key, base64>`.
        public var passwordHash: String
    }

    /// scrypt's cost (N = 2¹⁴, r = 8, p = 1: about 16 MiB and a few tens of milliseconds a sign-in).
    static let rounds = 1 << 14

    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// `directory`'s roster of the gateway of `region`.
    public init(directory: PKIDirectory, region: String) {
        self.init(path: directory.path + "/people-\(region).txt")
    }

    /// The roster's people (none when the file does not exist).
    ///
    /// - Throws: `IdentityError(.unreadable)` for a line that is not a person.
    public func entries() throws(IdentityError) -> [Entry] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var entries: [Entry] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, let role = Role(rawValue: fields[2]) else {
                throw IdentityError(.unreadable, "\(path):\(number + 1) is not id, name, role, region and password hash")
            }
            entries.append(Entry(id: fields[0], name: fields[1], role: role, region: fields[3], passwordHash: fields[4]))
        }
        return entries
    }

    /// Adds `id` (replacing a person of the same id) with the hash of `password`.
    public func put(id: String, name: String, role: Role, region: String, password: String) throws {
        guard !id.isEmpty, !name.isEmpty, ![id, name, region].contains(where: { $0.contains("\t") || $0.contains("\n") }) else {
            throw IdentityError(.malformedName, "a person needs an id and a name, without tabs or line breaks")
        }
        guard password.count >= 8 else { throw IdentityError(.malformedName, "a password needs at least 8 characters") }
        var entries = try entries().filter { $0.id != id }
        entries.append(Entry(id: id, name: name, role: role, region: region, passwordHash: try Self.hash(password)))
        let text = "# id\tname\trole\tregion\tpassword (scrypt)\n"
            + entries.map { "\($0.id)\t\($0.name)\t\($0.role.rawValue)\t\($0.region)\t\($0.passwordHash)\n" }.joined()
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The person `id` when `password` is theirs; nil otherwise (an unknown id costs the same time).
    public func check(id: String, password: String) throws(IdentityError) -> Entry? {
        let entry = try entries().first { $0.id == id }
        let matches = Self.verify(password, against: entry?.passwordHash ?? Self.decoy)
        return matches && entry != nil ? entry : nil
    }

    static func hash(_ password: String, salt: [UInt8]? = nil) throws -> String {
        let salt = salt ?? (0..<16).map { _ in UInt8.random(in: 0...255) }
        let key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: 32, rounds: rounds,
                                           blockSize: 8, parallelism: 1)
        let bytes = key.withUnsafeBytes { Data($0) }
        return "scrypt:\(rounds):\(Data(salt).base64EncodedString()):\(bytes.base64EncodedString())"
    }

    static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: ":").map(String.init)
        guard parts.count == 4, parts[0] == "scrypt", Int(parts[1]) == rounds, let salt = Data(base64Encoded: parts[2]),
              let expected = Data(base64Encoded: parts[3]),
              let computed = try? hash(password, salt: Array(salt)).split(separator: ":").last.flatMap({ Data(base64Encoded: String($0)) })
        else { return false }
        // Constant time over the key's bytes.
        guard computed.count == expected.count else { return false }
        return zip(computed, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A hash no password matches, checked for unknown ids so they take as long as known ones.
    private static let decoy = "scrypt:\(rounds):AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
}
