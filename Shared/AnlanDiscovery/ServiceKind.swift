/// The kinds of node in the mesh, as registered with the registry (the executables' names).
public enum ServiceKind {
    public static let registry = "registry"
    public static let hazardSurvey = "hazard-survey"
    public static let materialReserve = "material-reserve"
    public static let aviationLandingPoints = "aviation-landing-points"
    public static let trainingRecords = "training-records"
    public static let evacuation = "evacuation"
    public static let emergencyResponse = "emergency-response"
    public static let gateway = "gateway"

    public static let all = [registry, hazardSurvey, materialReserve, aviationLandingPoints, trainingRecords, evacuation, emergencyResponse, gateway]
}
