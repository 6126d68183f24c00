import AnlanRegions
import ArgumentParser

/// Who a person is, as `gateway pki person` and `gateway pki token` take it: the gateway that signs
/// them in, their id, name, role and the region they act for (within the gateway's).
struct PersonOptions: ParsableArguments {
    @Option(help: "The PKI directory.") var dir: String
    @Option(help: "The gateway's region code (it signs the person in).") var gateway: String
    @Option(help: "The person's id (工号), which they sign in with.") var id: String
    @Option(help: "The person's name.") var name: String
    @Option(help: "administrator (管理员), officer (值班员), inspector (督查员) or cadre (干部).") var role: String
    @Option(help: "The region they act for (default: the gateway's; within it).") var region: String?

    /// The gateway's name, the role and the region, checked.
    func checked() throws -> (gateway: NodeName, role: Role, region: String) {
        guard let role = Role(rawValue: role) else {
            throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let gateway = try NodeName(region: gateway, service: "gateway")
        let region = try NodeName(region: region ?? gateway.region).region
        guard RegionTree.zhejiang.isInSubtree(region, of: gateway.region) else {
            throw ValidationError("\(region) is outside \(gateway.region): its gateway cannot sign them in")
        }
        return (gateway, role, region)
    }
}
