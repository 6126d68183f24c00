import AnlanRegions
import ArgumentParser
import Crypto
import Foundation
import X509

/// `pki`: the province's small certificate authority (证书管理), run by the PKI officer of each tier.
///
///     gateway pki init --dir pki                                  # the province's root
///     gateway pki authority --dir pki --region 330100             # 杭州市's intermediate
///     gateway pki issue --dir pki --region 330106 --service hazard-survey --by 330100
///     gateway pki revoke --dir pki --certificate pki/330106-hazard-survey.pem
///     gateway pki show pki/330106-hazard-survey.pem
///
/// Renewing is issuing again: a new key and serial; revoke the old one if its key may have leaked.
public struct PKICommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "pki",
        abstract: "Make the province's root, tier intermediates and node certificates; revoke them.",
        subcommands: [Init.self, Authority.self, Issue.self, Person.self, Token.self, Revoke.self, Show.self])

    public init() {}

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the root (root.pem, root.key) for the province.")
        @Option(help: "The PKI directory.") var dir: String
        @Option(help: "Days the root is valid.") var days = 3650
        @Flag(help: "Replace an existing root (every certificate it issued stops being trusted).") var force = false

        func run() throws {
            let directory = PKIDirectory(dir)
            if FileManager.default.fileExists(atPath: directory.rootCertificate), !force {
                throw ValidationError("\(directory.rootCertificate) exists; --force replaces it")
            }
            let root = try CertificateAuthority.makeRoot(days: days)
            try directory.write(root.privateKey, to: directory.rootKey)
            try directory.write([root.certificate], to: directory.rootCertificate)
            print("root \(root.name) serial \(root.certificate.serialNumber.hex) until \(root.certificate.notValidAfter): \(directory.rootCertificate)")
        }
    }

    struct Authority: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a tier's intermediate (authority-<region>.pem/.key), which may issue only within its subtree.")
        @Option(help: "The PKI directory.") var dir: String
        @Option(help: "The city's or county's region code.") var region: String
        @Option(help: "The issuing authority's region (default: the root).") var by: String?
        @Option(help: "Days it is valid (never beyond its issuer).") var days = 1825

        func run() throws {
            let directory = PKIDirectory(dir)
            let issued = try directory.authority(by).issueAuthority(for: region, days: days)
            try directory.write(issued.privateKey, to: directory.authorityKey(issued.name.region))
            try directory.write(issued.chain.dropLast().map { $0 }, to: directory.authorityCertificate(issued.name.region))
            print("authority \(issued.name) serial \(issued.certificate.serialNumber.hex): \(directory.authorityCertificate(issued.name.region))")
        }
    }

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a node's certificate and key (<region>-<service>.pem/.key) for one or more services.")
        @Option(help: "The PKI directory.") var dir: String
        @Option(parsing: .upToNextOption, help: "The node's region code (or several: each gets every service).") var region: [String]
        @Option(parsing: .upToNextOption, help: "The service(s): registry, hazard-survey, …, gateway.") var service: [String]
        @Option(help: "The issuing authority's region (default: the root).") var by: String?
        @Option(help: "Days it is valid (never beyond its issuer).") var days = 397

        func run() throws {
            let directory = PKIDirectory(dir)
            let authority = try directory.authority(by)
            for (region, service) in region.flatMap({ region in service.map { (region, $0) } }) {
                let name = try NodeName(region: region, service: service)
                let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
                let certificate = try authority.issue(name, publicKey: key.publicKey, days: days)
                try directory.write(key, to: directory.nodeKey(name))
                try directory.write([certificate] + authority.chain.dropLast(), to: directory.nodeCertificate(name))
                if region.count == 1 {
                    print("\(name) serial \(certificate.serialNumber.hex) until \(certificate.notValidAfter): \(directory.nodeCertificate(name))")
                }
            }
            if region.count > 1 { print("issued \(region.count * service.count) certificates in \(dir)") }
        }
    }

    struct Person: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add (or replace) a person a gateway signs in at its screen: people-<gateway>.txt; the password is read from stdin.")
        @OptionGroup var person: PersonOptions

        func run() throws {
            let (gateway, role, region) = try person.checked()
            guard let password = readLine(strippingNewline: true) else { throw ValidationError("no password on stdin") }
            let roster = PeopleRoster(directory: PKIDirectory(person.dir), region: gateway.region)
            try roster.put(id: person.id, name: person.name, role: role, region: region, password: password)
            print("\(person.name) (\(role.chineseName), \(region)) signs in at \(gateway)'s screen as \(person.id): \(roster.path)")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign a person in: print a token signed with a gateway's key (what its sign-in page gives).")
        @OptionGroup var person: PersonOptions
        @Option(help: "Hours the token holds.") var hours = 12

        func run() async throws {
            let (gateway, role, region) = try person.checked()
            guard (1...24 * 31).contains(hours) else { throw ValidationError("--hours must be 1…744") }
            let credentials = try NodeCredentials.load(from: PKIDirectory(person.dir), name: gateway)
            let issuer = try PersonTokenIssuer(credentials: credentials)
            print(try await issuer.issue(id: person.id, name: person.name, role: role, region: region, lifetime: .seconds(hours * 3600)))
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a certificate to revoked.txt; every node refuses it from its next connection.")
        @Option(help: "The PKI directory.") var dir: String
        @Option(help: "The certificate file (its first certificate is revoked).") var certificate: String?
        @Option(help: "Or the serial number, in hexadecimal.") var serial: String?
        @Option(help: "Why (kept beside the serial).") var reason = "revoked"

        func validate() throws {
            guard (certificate == nil) != (serial == nil) else { throw ValidationError("give --certificate or --serial") }
        }

        func run() throws {
            let directory = PKIDirectory(dir)
            let entry: String
            if let certificate {
                let revoked = try directory.readCertificates(certificate)[0]
                let name = (try? revoked.nodeName().description) ?? "\(revoked.subject)"
                entry = RevocationList.line(serial: revoked.serialNumber.hex, note: "\(name) \(reason)")
            } else {
                entry = RevocationList.line(serial: serial!.lowercased(), note: reason)
            }
            let path = directory.revocationList
            let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "# Anlan revoked certificates: serial, then a note\n"
            try (existing + entry).write(toFile: path, atomically: true, encoding: .utf8)
            print("revoked: \(entry)", terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a certificate file's names, serials and dates.")
        @Argument(help: "A PEM file of certificates.") var file: String

        func run() throws {
            for certificate in try PKIDirectory(".").readCertificates(file) {
                let name = (try? certificate.nodeName().description) ?? "(no anlan name)"
                print("\(name)  serial \(certificate.serialNumber.hex)  \(certificate.notValidBefore) … \(certificate.notValidAfter)  issuer \(certificate.issuer)")
            }
        }
    }
}
