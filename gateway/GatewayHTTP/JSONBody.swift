import Foundation
import Hummingbird

/// The API's JSON: the Anlan messages through their `Codable` conformances — Swift property names,
/// 64-bit integers as numbers, enums as their names, an absent optional left out.
///
/// A request body may leave fields out: each takes its default, as on the wire (the body is laid over
/// the message's defaults before it is decoded). What is there must have the right type.
enum JSONBody {
    /// The largest request body read (an incident, a field report, a proposal to confirm).
    static let maximumRequestSize = 1 << 20

    /// A new encoder (cheap; one is not shared across requests).
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // A ratio with nothing to divide never stops an answer.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// `value` as a JSON response (200).
    static func response(_ value: some Encodable) throws -> Response {
        let data = try encoder.encode(value)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The request's body as a `Message`, its missing fields taken from `defaults`.
    /// Throws `invalidArgument` for a body that is not a JSON object or does not decode, saying why.
    static func decode<Message: Codable>(_ request: Request, defaults: Message) async throws -> Message {
        var request = request
        let buffer = try await request.collectBody(upTo: maximumRequestSize)
        return try decode(Data(buffer.readableBytesView), defaults: defaults)
    }

    static func decode<Message: Codable>(_ data: Data, defaults: Message) throws -> Message {
        let given: Any
        do {
            given = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw APIError.invalidArgument("the body is not JSON: \(error.localizedDescription)")
        }
        guard let object = given as? [String: Any] else { throw APIError.invalidArgument("the body is not a JSON object") }
        do {
            let base = try JSONSerialization.jsonObject(with: encoder.encode(defaults))
            let merged = try JSONSerialization.data(withJSONObject: laid(object, over: base))
            return try JSONDecoder().decode(Message.self, from: merged)
        } catch let error as DecodingError {
            throw APIError.invalidArgument(reason(error))
        }
    }

    /// `given` over `base`: objects merged key by key (recursively), anything else replaced.
    private static func laid(_ given: Any, over base: Any) -> Any {
        guard let given = given as? [String: Any], var merged = base as? [String: Any] else { return given }
        for (key, value) in given { merged[key] = merged[key].map { laid(value, over: $0) } ?? value }
        return merged
    }

    /// Why a body did not decode, naming the field.
    static func reason(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the body" : text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        switch error {
        case let .typeMismatch(type, context): return "\(path(context.codingPath)): expected \(type): \(context.debugDescription)"
        case let .valueNotFound(type, context): return "\(path(context.codingPath)): a \(type) is required, not null"
        case let .keyNotFound(key, context): return "\(path(context.codingPath + [key])): required"
        case let .dataCorrupted(context): return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
