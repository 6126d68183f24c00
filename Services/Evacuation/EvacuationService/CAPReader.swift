import AnlanRecords
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a CAP 1.2 document into a `CAPAlert` and checks what the standard requires, so that a warning
/// imported "as issued" is refused with the reason when it does not validate.
enum CAPReader {
    static let namespace = "urn:oasis:names:tc:emergency:cap:1.2"
    /// Largest document accepted (a CAP alert is a few kilobytes).
    static let maxBytes = 1 << 20

    static func read(_ xml: String) throws(InvalidRecord) -> CAPAlert {
        guard xml.utf8.count <= maxBytes else { throw InvalidRecord("CAP: document over \(maxBytes) bytes") }
        // CAP has no DTD: a DOCTYPE can only carry entities (expansion bombs, external files).
        guard !xml.contains("<!DOCTYPE"), !xml.contains("<!ENTITY") else { throw InvalidRecord("CAP: a DOCTYPE or ENTITY declaration is not allowed") }
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let delegate = Delegate()
        parser.delegate = delegate
        let parsed = parser.parse()
        if parsed, delegate.failure == nil, !delegate.open.isEmpty {
            throw InvalidRecord("CAP: not well-formed XML: the document ends inside <\(delegate.open.joined(separator: "><"))>")
        }
        guard parsed, delegate.failure == nil else {
            throw InvalidRecord("CAP: " + (delegate.failure ?? "not well-formed XML (\(parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown error"))"))
        }
        try validate(delegate.alert)
        return delegate.alert
    }

    /// CAP 1.2 §3.2: required elements and their value sets.
    static func validate(_ alert: CAPAlert) throws(InvalidRecord) {
        guard alert.namespace == namespace else {
            throw InvalidRecord("CAP: the root must be <alert xmlns=\"\(namespace)\">, got namespace \"\(alert.namespace)\"")
        }
        for (name, value) in [("identifier", alert.identifier), ("sender", alert.sender), ("sent", alert.sent),
                              ("status", alert.status), ("msgType", alert.messageType), ("scope", alert.scope)] where value.isEmpty {
            throw InvalidRecord("CAP: <\(name)> is required")
        }
        for (name, value) in [("identifier", alert.identifier), ("sender", alert.sender)]
        where value.contains(where: { $0 == " " || $0 == "," || $0 == "<" || $0 == "&" }) {
            throw InvalidRecord("CAP: <\(name)> may not contain spaces, commas, < or &")
        }
        guard CAPTime.parse(alert.sent) != nil else { throw InvalidRecord("CAP: <sent> \"\(alert.sent)\" is not a CAP date-time (e.g. 2026-07-01T08:00:00+08:00)") }
        try oneOf("status", alert.status, ["Actual", "Exercise", "System", "Test", "Draft"])
        try oneOf("msgType", alert.messageType, ["Alert", "Update", "Cancel", "Ack", "Error"])
        try oneOf("scope", alert.scope, ["Public", "Restricted", "Private"])
        for info in alert.infos {
            guard !info.categories.isEmpty else { throw InvalidRecord("CAP: <info> needs at least one <category>") }
            for category in info.categories {
                try oneOf("category", category, ["Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env",
                                                 "Transport", "Infra", "CBRNE", "Other"])
            }
            for (name, value) in [("event", info.event), ("urgency", info.urgency), ("severity", info.severity),
                                  ("certainty", info.certainty)] where value.isEmpty {
                throw InvalidRecord("CAP: <info> needs <\(name)>")
            }
            try oneOf("urgency", info.urgency, ["Immediate", "Expected", "Future", "Past", "Unknown"])
            try oneOf("severity", info.severity, ["Extreme", "Severe", "Moderate", "Minor", "Unknown"])
            try oneOf("certainty", info.certainty, ["Observed", "Likely", "Possible", "Unlikely", "Unknown"])
            for (name, value) in [("effective", info.effective), ("onset", info.onset), ("expires", info.expires)]
            where !value.isEmpty && CAPTime.parse(value) == nil {
                throw InvalidRecord("CAP: <\(name)> \"\(value)\" is not a CAP date-time")
            }
            for area in info.areas where area.description.isEmpty {
                throw InvalidRecord("CAP: <area> needs <areaDesc>")
            }
        }
    }

    private static func oneOf(_ name: String, _ value: String, _ allowed: [String]) throws(InvalidRecord) {
        guard allowed.contains(value) else {
            throw InvalidRecord("CAP: <\(name)> \"\(value)\" is not one of \(allowed.joined(separator: ", "))")
        }
    }

    /// Collects the elements of interest by their path below `<alert>`.
    private final class Delegate: NSObject, XMLParserDelegate {
        var alert = CAPAlert()
        var failure: String?
        private var path: [String] = []
        /// Elements opened and not yet closed (empty once the document is whole).
        var open: [String] { path }
        private var text = ""
        private var geocode = CAPAlert.GeoCode()

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if path.isEmpty {
                guard name == "alert" else {
                    failure = "the root element must be <alert>, got <\(name)>"
                    parser.abortParsing()
                    return
                }
                alert.namespace = namespaceURI ?? ""
            }
            path.append(name)
            text = ""
            switch path.dropFirst().joined(separator: "/") {
            case "info": alert.infos.append(CAPAlert.Info())
            case "info/area": alert.infos[alert.infos.count - 1].areas.append(CAPAlert.Area())
            case "info/area/geocode": geocode = CAPAlert.GeoCode()
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let last = alert.infos.count - 1
            switch path.dropFirst().joined(separator: "/") {
            case "identifier": alert.identifier = value
            case "sender": alert.sender = value
            case "sent": alert.sent = value
            case "status": alert.status = value
            case "msgType": alert.messageType = value
            case "scope": alert.scope = value
            case "references": alert.references = value
            case "info/language": alert.infos[last].language = value
            case "info/category": alert.infos[last].categories.append(value)
            case "info/event": alert.infos[last].event = value
            case "info/urgency": alert.infos[last].urgency = value
            case "info/severity": alert.infos[last].severity = value
            case "info/certainty": alert.infos[last].certainty = value
            case "info/effective": alert.infos[last].effective = value
            case "info/onset": alert.infos[last].onset = value
            case "info/expires": alert.infos[last].expires = value
            case "info/senderName": alert.infos[last].senderName = value
            case "info/headline": alert.infos[last].headline = value
            case "info/area/geocode/valueName": geocode.name = value
            case "info/area/geocode/value": geocode.value = value
            case "info/area/areaDesc": alert.infos[last].areas[alert.infos[last].areas.count - 1].description = value
            case "info/area/geocode": alert.infos[last].areas[alert.infos[last].areas.count - 1].geocodes.append(geocode)
            default: break
            }
            path.removeLast()
            text = ""
        }
    }
}
