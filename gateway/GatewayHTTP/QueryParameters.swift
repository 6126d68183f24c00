import Hummingbird

/// A request's query parameters, read as the API's types: a value that does not parse is refused
/// (`invalidArgument`, naming it), not taken as absent.
struct QueryParameters {
    /// By name; a name given twice keeps its first value.
    let parameters: [Substring: Substring]

    init(_ request: Request) {
        parameters = Dictionary(request.uri.queryParameters.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    func string(_ name: Substring) -> String? {
        parameters[name].map(String.init)
    }

    func value<Value: LosslessStringConvertible>(_ name: Substring, as type: Value.Type = Value.self) throws -> Value? {
        // Given but empty is not absent: `?year=` is a year that does not parse.
        guard let text = parameters[name] else { return nil }
        guard let value = Value(String(text)) else { throw APIError.invalidArgument("\(name): \"\(text)\" is not a \(Value.self)") }
        return value
    }

    func required<Value: LosslessStringConvertible>(_ name: Substring, as type: Value.Type = Value.self) throws -> Value {
        guard let value = try value(name, as: type) else { throw APIError.invalidArgument("\(name) is required") }
        return value
    }
}
