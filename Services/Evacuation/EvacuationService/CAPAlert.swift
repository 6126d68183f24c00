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
        var areas: [Area] = []
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
