/// What a signed-in person does (角色), which decides the kinds of writes they may make (`AccessPolicy`).
public enum Role: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// 管理员: keeps the records (create, update, delete, import); makes no operational decision.
    case administrator
    /// 值班员: the duty officer; commands (warnings, incidents, dispatch) and confirms dispatches.
    case officer
    /// 督查员: inspects (hidden hazards' checks and closure, landing-point inspections).
    case inspector
    /// 干部: the township or village cadre in the field (transfer scans, field reports, arrivals).
    case cadre

    /// The role's Chinese name, as the screen and the audit list show it.
    public var chineseName: String {
        switch self {
        case .administrator: "管理员"
        case .officer: "值班员"
        case .inspector: "督查员"
        case .cadre: "干部"
        }
    }

    public var description: String { rawValue }
}
