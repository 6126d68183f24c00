import AnlanRecords
import EvacuationAPI

/// Turns CAP 1.2 alerts into Anlan warnings and back.
///
/// Reading: `<identifier>` is the warning's id; `<severity>` gives the level (Extreme red, Severe
/// orange, Moderate yellow, Minor blue, as China's national early-warning release system maps its
/// colours); `<event>` the hazard (台风 typhoon, 暴雨 rainstorm, 洪水 flood, 山洪 flash flood, 地质灾害
/// geological, 风暴潮 storm surge, or those English names); each `<area>`'s `<geocode>` named
/// `GB/T 2260` (or `ADCODE`, `行政区划代码`) a covered region; `<effective>` (else `<sent>`) and
/// `<expires>` (else 48 hours later) its validity; the hours from `<sent>` to `<onset>` its lead-time
/// band (3, 6, 24 or 48). `msgType` Update replaces the warning in `<references>`; Cancel lifts it.
enum CAPWarnings {
    /// What an alert asks of the node.
    enum Instruction: Equatable {
        case issue(Warning)
        case lift(warningID: String)
    }

    static let regionCodeNames: Set<String> = ["GB/T 2260", "GB/T2260", "ADCODE", "行政区划代码"]

    static func instruction(from xml: String, issuerRegion: String) throws(InvalidRecord) -> Instruction {
        let alert = try CAPReader.read(xml)
        guard alert.status == "Actual" || alert.status == "Exercise" else {
            throw InvalidRecord("CAP: status \(alert.status) is not a warning to act on (Actual or Exercise)")
        }
        let referenced = alert.references.split(separator: " ").last.flatMap { $0.split(separator: ",").dropFirst().first }.map(String.init)
        switch alert.messageType {
        case "Cancel":
            guard let referenced else { throw InvalidRecord("CAP: a Cancel must give the warning it cancels in <references>") }
            return .lift(warningID: referenced)
        case "Alert", "Update":
            break
        default:
            throw InvalidRecord("CAP: msgType \(alert.messageType) carries no warning")
        }
        guard let info = alert.infos.first(where: { $0.language.isEmpty || $0.language.hasPrefix("zh") }) ?? alert.infos.first else {
            throw InvalidRecord("CAP: an Alert needs an <info> block")
        }
        let level: WarningLevel
        switch info.severity {
        case "Extreme": level = .red
        case "Severe": level = .orange
        case "Moderate": level = .yellow
        case "Minor": level = .blue
        default: throw InvalidRecord("CAP: severity \(info.severity) gives no warning level (Extreme, Severe, Moderate or Minor)")
        }
        guard let hazard = hazard(of: info.event) else {
            throw InvalidRecord("CAP: event \"\(info.event)\" is not a hazard Anlan moves people for (台风, 暴雨, 洪水, 山洪, 地质灾害, 风暴潮)")
        }
        let regions = info.areas.flatMap(\.geocodes).filter { regionCodeNames.contains($0.name) }.map(\.value)
        guard !regions.isEmpty else { throw InvalidRecord("CAP: no <area> has a <geocode> named GB/T 2260 with a region code") }
        let sent = CAPTime.parse(alert.sent)!
        let from = CAPTime.parse(info.effective) ?? sent
        let to = CAPTime.parse(info.expires) ?? from + 48 * 3_600_000
        guard to > from else { throw InvalidRecord("CAP: <expires> is not after <effective>") }
        let onset = CAPTime.parse(info.onset) ?? from
        return .issue(Warning(
            id: alert.identifier, issuerRegion: issuerRegion, regionCodes: regions, hazard: hazard, level: level,
            leadTimeHours: leadTimeBand(hours: Double(onset - sent) / 3_600_000), issuedAtMilliseconds: sent,
            validFromMilliseconds: from, validToMilliseconds: to, replaces: alert.messageType == "Update" ? referenced ?? "" : "",
            headline: info.headline, sender: info.senderName.isEmpty ? alert.sender : info.senderName))
    }

    /// The dynamic map's band for a lead time: 3, 6, 24 or 48 hours.
    static func leadTimeBand(hours: Double) -> UInt32 {
        hours <= 3 ? 3 : hours <= 6 ? 6 : hours <= 24 ? 24 : 48
    }

    static func hazard(of event: String) -> WarningHazard? {
        let names: [(String, WarningHazard)] = [("风暴潮", .stormSurge), ("地质", .geological), ("山洪", .flashFlood),
                                                ("台风", .typhoon), ("暴雨", .rainstorm), ("洪水", .flood)]
        if let match = names.first(where: { event.contains($0.0) }) { return match.1 }
        return WarningHazard(name: event.lowercased().replacingOccurrences(of: " ", with: "-"))
    }

    /// The warning as a CAP 1.2 alert, issued by `sender` (the node), in Chinese.
    static func document(for warning: Warning, sender: String) -> String {
        let severity = switch warning.level {
        case .red: "Extreme"
        case .orange: "Severe"
        case .yellow: "Moderate"
        case .blue: "Minor"
        }
        let event = switch warning.hazard {
        case .typhoon: "台风"
        case .rainstorm: "暴雨"
        case .flood: "洪水"
        case .flashFlood: "山洪"
        case .geological: "地质灾害"
        case .stormSurge: "风暴潮"
        }
        let category = warning.hazard == .geological ? "Geo" : "Met"
        let messageType = warning.status == .lifted ? "Cancel" : warning.replaces.isEmpty ? "Alert" : "Update"
        let referenced = warning.status == .lifted ? warning.id : warning.replaces
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<alert xmlns=\"\(CAPReader.namespace)\">",
            "  <identifier>\(escaped(warning.status == .lifted ? warning.id + "-cancel" : warning.id))</identifier>",
            "  <sender>\(escaped(sender))</sender>",
            "  <sent>\(CAPTime.format(warning.issuedAtMilliseconds))</sent>",
            "  <status>Actual</status>",
            "  <msgType>\(messageType)</msgType>",
            "  <scope>Public</scope>",
        ]
        if messageType != "Alert" {
            lines.append("  <references>\(escaped(sender)),\(escaped(referenced)),\(CAPTime.format(warning.issuedAtMilliseconds))</references>")
        }
        lines += [
            "  <info>",
            "    <language>zh-CN</language>",
            "    <category>\(category)</category>",
            "    <event>\(event)</event>",
            "    <urgency>\(warning.leadTimeHours <= 6 ? "Immediate" : "Expected")</urgency>",
            "    <severity>\(severity)</severity>",
            "    <certainty>Likely</certainty>",
            "    <effective>\(CAPTime.format(warning.validFromMilliseconds))</effective>",
            "    <onset>\(CAPTime.format(warning.issuedAtMilliseconds + Int64(warning.leadTimeHours) * 3_600_000))</onset>",
            "    <expires>\(CAPTime.format(warning.validToMilliseconds))</expires>",
            "    <senderName>\(escaped(warning.sender.isEmpty ? sender : warning.sender))</senderName>",
            "    <headline>\(escaped(warning.headline))</headline>",
        ]
        for region in warning.regionCodes {
            lines += [
                "    <area>",
                "      <areaDesc>\(escaped(region))</areaDesc>",
                "      <geocode><valueName>GB/T 2260</valueName><value>\(escaped(region))</value></geocode>",
                "    </area>",
            ]
        }
        lines += ["  </info>", "</alert>"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
