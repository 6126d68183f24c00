import AnlanRegions
import Crypto
import Foundation
import X509

/// A certificate authority of the mesh (证书签发机构): the province's root, or a tier's intermediate that
/// may issue only for regions in its own subtree (a city for its counties and townships).
///
/// Keys are P-256; certificates carry the holder's `NodeName` as a URI subject alternative name. Every
/// node checks the subtree rule again on every chain it is shown (`AnlanChainPolicy`), so an
/// intermediate that signs outside its subtree gains nothing.
public struct CertificateAuthority: Sendable {
    public let certificate: Certificate
    /// The authority's own chain up to the root, itself first (a root: just itself).
    public let chain: [Certificate]
    public let privateKey: Certificate.PrivateKey
    public let name: NodeName
    let regions: RegionTree

    /// A new self-signed root for the region at the top of the tree (the province), valid `days` days.
    public static func makeRoot(regions: RegionTree = .zhejiang, days: Int = 3650) throws -> CertificateAuthority {
        let name = try NodeName(region: regions.root.code, regions: regions)
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let subject = try DistinguishedName {
            OrganizationName("Anlan")
            CommonName("Anlan root \(regions.root.name)")
        }
        let now = Date()
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
            notValidBefore: now - 300, notValidAfter: now + Double(days) * 86_400,
            issuer: subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try authorityExtensions(name), issuerPrivateKey: key)
        return CertificateAuthority(certificate: certificate, chain: [certificate], privateKey: key, name: name,
                                    regions: regions)
    }

    /// An authority read back from its certificate chain and key (itself first, the root last).
    public init(chain: [Certificate], privateKey: Certificate.PrivateKey, regions: RegionTree = .zhejiang) throws(IdentityError) {
        guard let certificate = chain.first else { throw IdentityError(.unreadable, "an authority needs its certificate") }
        let name = try certificate.nodeName(regions: regions)
        guard name.isAuthority else {
            throw IdentityError(.outsideSubtree, "\(name) is a node's certificate, not an authority's")
        }
        guard certificate.publicKey == privateKey.publicKey else {
            throw IdentityError(.unreadable, "the key does not belong to \(name)'s certificate")
        }
        self.init(certificate: certificate, chain: chain, privateKey: privateKey, name: name, regions: regions)
    }

    private init(certificate: Certificate, chain: [Certificate], privateKey: Certificate.PrivateKey, name: NodeName,
                 regions: RegionTree) {
        self.certificate = certificate
        self.chain = chain
        self.privateKey = privateKey
        self.name = name
        self.regions = regions
    }

    /// An intermediate for `region` (a city or county below this authority), valid `days` days.
    ///
    /// - Throws: `IdentityError.outsideSubtree` when `region` is not below this authority's region.
    public func issueAuthority(for region: String, days: Int = 1825) throws -> CertificateAuthority {
        let name = try NodeName(region: region, regions: regions)
        try checkInSubtree(name, allowSelf: false)
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let certificate = try sign(
            name, publicKey: key.publicKey, days: days,
            subject: try DistinguishedName {
                OrganizationName("Anlan")
                CommonName("Anlan authority \(name.region)")
            },
            extensions: try Self.authorityExtensions(name))
        return CertificateAuthority(certificate: certificate, chain: [certificate] + chain, privateKey: key,
                                    name: name, regions: regions)
    }

    /// A node's certificate for `name` (a region and a service), for `publicKey`, valid `days` days
    /// (the default, 397, is the longest a public CA may issue for; renewing is issuing again).
    ///
    /// - Throws: `IdentityError.outsideSubtree` when the region is outside this authority's subtree.
    public func issue(_ name: NodeName, publicKey: Certificate.PublicKey, days: Int = 397) throws -> Certificate {
        guard !name.isAuthority else { throw IdentityError(.malformedName, "a node's name needs a service: \(name)") }
        try checkInSubtree(name, allowSelf: true)
        return try sign(
            name, publicKey: publicKey, days: days,
            subject: try DistinguishedName {
                OrganizationName("Anlan")
                CommonName("\(name.service ?? "") \(name.region)")
            },
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                try ExtendedKeyUsage([.serverAuth, .clientAuth])
                SubjectAlternativeNames([.uniformResourceIdentifier(name.uri)])
            })
    }

    /// What makes a certificate an authority's: it may sign certificates, and it names its region.
    private static func authorityExtensions(_ name: NodeName) throws -> Certificate.Extensions {
        try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
            Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            SubjectAlternativeNames([.uniformResourceIdentifier(name.uri)])
        }
    }

    private func checkInSubtree(_ name: NodeName, allowSelf: Bool) throws(IdentityError) {
        let inside = regions.isInSubtree(name.region, of: self.name.region)
        guard inside, allowSelf || name.region != self.name.region else {
            throw IdentityError(.outsideSubtree, "\(self.name) may not issue for \(name): not in its subtree")
        }
    }

    private func sign(_ name: NodeName, publicKey: Certificate.PublicKey, days: Int, subject: DistinguishedName,
                      extensions: Certificate.Extensions) throws -> Certificate {
        let now = Date()
        return try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
            notValidBefore: now - 300, notValidAfter: min(now + Double(days) * 86_400, certificate.notValidAfter),
            issuer: certificate.subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions, issuerPrivateKey: privateKey)
    }
}
