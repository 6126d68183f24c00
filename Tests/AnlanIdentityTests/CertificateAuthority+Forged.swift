import AnlanIdentity
import Foundation
import X509

extension CertificateAuthority {
    /// A certificate signed with this authority's key for any name and any dates, without the checks
    /// `issue` makes: what a stolen key or a careless officer could produce, for the tests that show
    /// the peer's own checks refuse it.
    func forge(_ name: NodeName, publicKey: Certificate.PublicKey, notValidBefore: Date, notValidAfter: Date) throws -> Certificate {
        try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
            notValidBefore: notValidBefore, notValidAfter: notValidAfter,
            issuer: certificate.subject,
            subject: try DistinguishedName { CommonName(name.uri) },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                SubjectAlternativeNames([.uniformResourceIdentifier(name.uri)])
            },
            issuerPrivateKey: privateKey)
    }
}
