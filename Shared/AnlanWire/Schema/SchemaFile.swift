/// One file of the exported schema: a service's methods and the messages of the Swift modules it holds.
public struct SchemaFile: Sendable {
    /// The file's base name, e.g. `hazard_survey` (written as `anlan/hazard_survey.proto`).
    public var name: String
    /// What the file is, for its header and the protocol document, e.g. `hazard-survey`.
    public var title: String
    /// The Swift modules whose messages and enums live in this file.
    public var modules: [String]
    /// The proto3 service's name, e.g. `HazardSurvey`; nil for a file of messages only.
    public var serviceName: String?
    public var methods: [WireMethodDescriptor]
    /// Messages that belong here though no method names them (e.g. the frame payloads HELLO, ERROR, GOAWAY).
    public var extraMessages: [any WireMessage.Type]

    public init(name: String, title: String, modules: [String], serviceName: String? = nil,
                methods: [WireMethodDescriptor] = [], extraMessages: [any WireMessage.Type] = []) {
        self.name = name
        self.title = title
        self.modules = modules
        self.serviceName = serviceName
        self.methods = methods
        self.extraMessages = extraMessages
    }

    /// `anlan.hazard_survey`.
    public var package: String { "anlan.\(name)" }
    /// `anlan/hazard_survey.proto`.
    public var path: String { "anlan/\(name).proto" }
}
