import AnlanRegions
import Foundation
import SwiftASN1
import X509

/// The files of a PKI directory (证书目录), as the PKI command writes them and nodes read them:
///
/// | file | what | who holds it |
/// |---|---|---|
/// | `root.pem` | the province's root certificate | every node |
/// | `root.key` | its private key | the province's PKI officer only |
/// | `authority-<region>.pem` / `.key` | a tier's intermediate (its chain to the root) and key | that tier's officer |
/// | `<region>-<service>.pem` / `.key` | a node's certificate chain (without the root) and key | that node |
/// | `revoked.txt` | revoked serials, one per line | every node (reloaded on change) |
public struct PKIDirectory: Sendable {
    public let path: String

    public init(_ path: String) {
        self.path = path
    }

    public var rootCertificate: String { file("root.pem") }
    public var rootKey: String { file("root.key") }
    public var revocationList: String { file("revoked.txt") }
    public func authorityCertificate(_ region: String) -> String { file("authority-\(region).pem") }
    public func authorityKey(_ region: String) -> String { file("authority-\(region).key") }
    public func nodeCertificate(_ name: NodeName) -> String { file("\(name.region)-\(name.service ?? "").pem") }
    public func nodeKey(_ name: NodeName) -> String { file("\(name.region)-\(name.service ?? "").key") }

    private func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    // MARK: Reading

    public func readCertificates(_ file: String) throws(IdentityError) -> [Certificate] {
        let text = try read(file)
        let certificates: [Certificate]
        do {
            certificates = try PEMDocument.parseMultiple(pemString: text).map { try Certificate(pemDocument: $0) }
        } catch {
            throw IdentityError(.unreadable, "\(file) is not PEM certificates: \(error)")
        }
        guard !certificates.isEmpty else { throw IdentityError(.unreadable, "\(file) holds no certificate") }
        return certificates
    }

    public func readKey(_ file: String) throws(IdentityError) -> Certificate.PrivateKey {
        let text = try read(file)
        do {
            return try Certificate.PrivateKey(pemEncoded: text)
        } catch {
            throw IdentityError(.unreadable, "\(file) is not a PEM private key: \(error)")
        }
    }

    /// The root or, for a region other than the root's, that region's intermediate (its chain read back
    /// with the root at its end, as when it was made).
    public func authority(_ region: String?, regions: RegionTree = .zhejiang) throws -> CertificateAuthority {
        if let region, region != regions.root.code {
            return try CertificateAuthority(chain: readCertificates(authorityCertificate(region)) + readCertificates(rootCertificate),
                                            privateKey: readKey(authorityKey(region)), regions: regions)
        }
        return try CertificateAuthority(chain: readCertificates(rootCertificate), privateKey: readKey(rootKey),
                                        regions: regions)
    }

    private func read(_ file: String) throws(IdentityError) -> String {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw IdentityError(.unreadable, "cannot read \(file)")
        }
        return text
    }

    // MARK: Writing

    /// Writes certificates as PEM (world-readable).
    public func write(_ certificates: [Certificate], to file: String) throws {
        let text = try certificates.map { try $0.serializeAsPEM().pemString }.joined(separator: "\n") + "\n"
        try create(file, text, permissions: 0o644)
    }

    /// Writes a private key as PEM, readable by its owner only.
    public func write(_ key: Certificate.PrivateKey, to file: String) throws {
        try create(file, try key.serializeAsPEM().pemString + "\n", permissions: 0o600)
    }

    private func create(_ file: String, _ text: String, permissions: Int) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let temporary = file + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: permissions]) else {
            throw IdentityError(.unreadable, "cannot write \(temporary)")
        }
        guard rename(temporary, file) == 0 else { throw IdentityError(.unreadable, "cannot write \(file)") }
    }
}
