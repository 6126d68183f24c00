import AnlanDiscovery
import AnlanRecords
import AnlanRegions
import AnlanRPC
import AnlanWire
import GatewayAPI
import NIOCore

/// One page of a subtree's records gathered across the tiers (the incidents of the duty-room screen,
/// the hidden hazards behind an index): each node holds its own region's and its townships', so the
/// page is gathered from the node's own service and every child gateway whose region overlaps the
/// target, in parallel (`walkTiers`, the whole subtree at once); a part that fails is left out.
extension Gateway {
    /// - Parameters:
    ///   - query: asked of the node's own `service` with `method` as it is, and of each child gateway with
    ///     `forwarded`, its region (`regionCode`) narrowed to the child where the child lies in the target.
    ///   - what: names the records in the log ("incidents", "hidden hazards").
    ///   - merge: the page from every part's records (ordering, duplicates, limit).
    func subtreeList<Query: Sendable, Record: WireMessage & Codable & Hashable & Sendable>(
        of target: Region, _ query: Query, regionCode: WritableKeyPath<Query, String> & Sendable,
        service kind: String, method: RPCMethod<Query, RecordPage<Record>>, forwarded: RPCMethod<Query, RecordPage<Record>>,
        what: String, deadline: NIODeadline?, merge: @escaping @Sendable ([Record]) -> [Record]
    ) async throws -> RecordPage<Record> {
        let tree = scope.tree
        let logger = logger
        return try await walkTiers(
            toward: target.code, wholeSubtree: true, deadline: deadline ?? .now() + defaultBudget,
            own: { [directory] deadline in
                guard let service = directory.service(kind) else { return RecordPage() }
                do {
                    return try await service.call(method, query, deadline: deadline)
                } catch {
                    logger.debug("own \(what) left out", metadata: ["reason": "\(error)"])
                    return RecordPage()
                }
            },
            child: { child, _, deadline in
                // A child whose region neither holds the target nor lies in it has none of its records.
                let below = tree.isInSubtree(child.code, of: target.code)
                guard below || tree.isInSubtree(target.code, of: child.code) else { return RecordPage() }
                var asked = query
                asked[keyPath: regionCode] = below ? child.code : target.code
                do {
                    return try await self.forward(forwarded, asked, to: child, deadline: deadline)
                } catch {
                    logger.debug("a child's \(what) left out", metadata: ["child": "\(child.code)", "reason": "\(error)"])
                    return RecordPage()
                }
            },
            enough: { _ in false },
            merge: { parts in RecordPage(records: merge(parts.flatMap(\.records))) })
    }
}
