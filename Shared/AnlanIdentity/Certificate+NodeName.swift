import AnlanRegions
import X509

extension Certificate {
    /// The Anlan names among the certificate's URI subject alternative names.
    ///
    /// - Throws: `IdentityError.malformedName` for an `anlan://` name that does not parse.
    public func nodeNames(regions: RegionTree = .zhejiang) throws(IdentityError) -> [NodeName] {
        let alternativeNames: SubjectAlternativeNames?
        do {
            alternativeNames = try extensions.subjectAlternativeNames
        } catch {
            throw IdentityError(.malformedName, "unreadable subject alternative names: \(error)")
        }
        var names: [NodeName] = []
        for case .uniformResourceIdentifier(let uri) in alternativeNames ?? SubjectAlternativeNames()
        where uri.hasPrefix(NodeName.scheme + "://") {
            names.append(try NodeName(uri: uri, regions: regions))
        }
        return names
    }

    /// The one Anlan name the certificate carries.
    ///
    /// - Throws: `IdentityError.malformedName` when it carries none, several, or a malformed one.
    public func nodeName(regions: RegionTree = .zhejiang) throws(IdentityError) -> NodeName {
        let names = try nodeNames(regions: regions)
        guard names.count == 1 else {
            throw IdentityError(.malformedName,
                                "certificate \(subject) carries \(names.count) anlan:// names; exactly one is required")
        }
        return names[0]
    }
}
