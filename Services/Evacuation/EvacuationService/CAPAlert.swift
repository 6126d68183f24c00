/// An OASIS CAP 1.2 `<alert>` as read from XML: the elements Anlan uses, each kept as text.
///
/// Only what a warning needs is kept; other elements (resources, polygons, …) are read and ignored.
struct CAPAlert: Sendable, Equatable {
    /// One `<info>` block (a message may carry one per language).
    struct Info: Sendable, Equatable {
        var language = ""
        var categories: [String] = []
        var event = ""
        var urgency = ""
        var severity = ""
        var certainty = ""
        var effective = ""
        var onset = ""
        var expires = ""
        var senderName = ""
        var headline = ""
        var parameters: [(name: String, value: String)] = []
        var areas: [Area] = []

        static func == (a: Info, b: Info) -> Bool {
            a.language == b.language && a.categories == b.categories && a.event == b.event && a.urgency == b.urgency
                && a.severity == b.severity && a.certainty == b.certainty && a.effective == b.effective && a.onset == b.onset
                && a.expires == b.expires && a.senderName == b.senderName && a.headline == b.headline
                && a.parameters.map(\.name) == b.parameters.map(\.name) && a.parameters.map(\.value) == b.parameters.map(\.value)
                && a.areas == b.areas
        }
    }

    /// One `<area>`: its description and its geocodes.
    struct Area: Sendable, Equatable {
        var description = ""
        var geocodes: [GeoCode] = []
    }

    struct GeoCode: Sendable, Equatable {
        var name = ""
        var value = ""
    }

    var namespace = ""
    var identifier = ""
    var sender = ""
    var sent = ""
    var status = ""
    var messageType = ""
    var scope = ""
    var references = ""
    var infos: [Info] = []
}
