import Foundation
import AnlanRegions

/// A signed-in person (人员) as a node knows them once their token is checked.
public struct Person: Hashable, Sendable, CustomStringConvertible {
    public let id: String
    public let name: String
    public let role: Role
    /// The region they act for.
    public let jurisdiction: Region
    /// The gateway that signed them in.
    public let issuer: NodeName
    public let expires: Date

    public init(id: String, name: String, role: Role, jurisdiction: Region, issuer: NodeName, expires: Date) {
        self.id = id
        self.name = name
        self.role = role
        self.jurisdiction = jurisdiction
        self.issuer = issuer
        self.expires = expires
    }

    /// `张三 (值班员, 330106) via anlan://330106/gateway`.
    public var description: String {
        "\(name) (\(role.chineseName), \(jurisdiction.code)) via \(issuer.uri)"
    }
}
