import AnlanRecords

/// What a person does in emergency work, which decides the training rules and coverage targets
/// that apply to them.
public enum PersonRole: UInt8, WireEnum {
    /// 领导干部: cadres (comprehensive emergency training, 70 % a year).
    case cadre = 1
    /// 执法人员: enforcement officers (3 months on joining, 2 weeks a year; 80 % retrained).
    case enforcementOfficer = 2
    /// 灾害信息员, A post (主岗).
    case informationOfficerA = 3
    /// 灾害信息员, B post (副岗).
    case informationOfficerB = 4
    /// 防汛责任人: trained before each flood season.
    case floodControlResponsible = 5
    /// 主要负责人 of an enterprise.
    case enterprisePrincipal = 6
    /// 安全生产管理人员.
    case safetyManager = 7
    /// 特种作业人员.
    case specialOperationsWorker = 8
    /// 从业人员: other employees.
    case employee = 9

    public static let kindName = "role"

    public var name: String {
        switch self {
        case .cadre: "cadre"
        case .enforcementOfficer: "enforcement-officer"
        case .informationOfficerA: "information-officer-a"
        case .informationOfficerB: "information-officer-b"
        case .floodControlResponsible: "flood-control-responsible"
        case .enterprisePrincipal: "enterprise-principal"
        case .safetyManager: "safety-manager"
        case .specialOperationsWorker: "special-operations-worker"
        case .employee: "employee"
        }
    }
}
