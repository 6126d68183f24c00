import AnlanDiscovery
import AnlanNode
import AnlanWire
import AviationLandingAPI
import EmergencyResponseAPI
import EvacuationAPI
import GatewayAPI
import HazardSurveyAPI
import MaterialReserveAPI
import TrainingRecordsAPI

/// The whole protocol, one file per service: what `gateway schema` writes as `docs/schema/anlan/*.proto`
/// and as the generated tables of docs/PROTOCOL.md. The gateway is where every service's API meets.
public enum ProtocolCatalogue {
    public static let schema = WireSchema(files: [
        SchemaFile(name: "common", title: "frame payloads, runtime methods and messages every service uses",
                   modules: ["AnlanWire", "AnlanRecords", "AnlanNode"], serviceName: "Node", methods: NodeMethods.methods,
                   extraMessages: [Hello.self, ErrorPayload.self, GoAway.self]),
        SchemaFile(name: "registry", title: "registry", modules: ["AnlanDiscovery"], serviceName: "Registry",
                   methods: RegistryMethods.methods),
        SchemaFile(name: "hazard_survey", title: "hazard-survey", modules: ["HazardSurveyAPI"], serviceName: "HazardSurvey",
                   methods: HazardSurveyMethods.methods),
        SchemaFile(name: "material_reserve", title: "material-reserve", modules: ["MaterialReserveAPI"],
                   serviceName: "MaterialReserve", methods: MaterialReserveMethods.methods),
        SchemaFile(name: "aviation_landing_points", title: "aviation-landing-points", modules: ["AviationLandingAPI"],
                   serviceName: "AviationLandingPoints", methods: AviationLandingMethods.methods),
        SchemaFile(name: "training_records", title: "training-records", modules: ["TrainingRecordsAPI"],
                   serviceName: "TrainingRecords", methods: TrainingRecordsMethods.methods),
        SchemaFile(name: "evacuation", title: "evacuation", modules: ["EvacuationAPI"], serviceName: "Evacuation",
                   methods: EvacuationMethods.methods),
        SchemaFile(name: "emergency_response", title: "emergency-response", modules: ["EmergencyResponseAPI"],
                   serviceName: "EmergencyResponse", methods: EmergencyResponseMethods.methods),
        SchemaFile(name: "gateway", title: "gateway", modules: ["GatewayAPI"], serviceName: "Gateway",
                   methods: GatewayMethods.methods),
    ])

    /// `document` (docs/PROTOCOL.md) with every generated block replaced by the current tables.
    ///
    /// A block runs from `<!-- BEGIN GENERATED name -->` to `<!-- END GENERATED name -->`, `name` a
    /// schema file's name.
    public static func updatingProtocolDocument(_ document: String) throws(CatalogueError) -> String {
        var output = ""
        var rest = Substring(document)
        while let begin = rest.range(of: "<!-- BEGIN GENERATED ") {
            output += rest[..<begin.upperBound]
            rest = rest[begin.upperBound...]
            guard let close = rest.range(of: " -->") else { throw CatalogueError("an unclosed BEGIN GENERATED marker") }
            let name = String(rest[..<close.lowerBound])
            guard schema.files.contains(where: { $0.name == name }) else { throw CatalogueError("no schema file named \(name)") }
            guard let end = rest.range(of: "<!-- END GENERATED \(name) -->") else {
                throw CatalogueError("no END GENERATED marker for \(name)")
            }
            output += rest[..<close.upperBound] + "\n" + schema.markdown(for: name)
            rest = rest[end.lowerBound...]
        }
        return output + rest
    }

    /// What is wrong with a document's generated blocks.
    public struct CatalogueError: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
