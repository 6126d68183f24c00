import AnlanRegions
import NIOCore

/// The walk both cross-tier plans take (materials and teams): from the destination's side of this
/// node's subtree outwards, only as far as the need requires.
extension Gateway {
    /// The destination's child side first (itself searched the same way, from the destination out);
    /// when that is not `enough`, this node's own part and every other child's whole subtree, in
    /// parallel, merged with it. With `wholeSubtree`, or when the destination is this node's region or
    /// lies below a child without a gateway, everything at once. With `withinReach`, the children it
    /// names are asked first and the others only if those are not `enough`.
    ///
    /// - Parameters:
    ///   - own: this node's own services' part.
    ///   - child: a child gateway's part, of its whole subtree or from the destination out (`false`);
    ///     a child that fails answers a part saying so, not an error.
    func walkTiers<Part: Sendable>(toward destinationCode: String, wholeSubtree: Bool, deadline: NIODeadline,
                                   own: @escaping @Sendable (NIODeadline) async -> Part,
                                   child: @escaping @Sendable (Region, _ wholeSubtree: Bool, NIODeadline) async -> Part,
                                   enough: (Part) -> Bool, merge: ([Part]) -> Part,
                                   withinReach: ((String) -> Bool)? = nil) async throws -> Part {
        let childDeadline = Self.childDeadline(deadline)
        var excluded: String?
        var parts: [Part] = []
        if !wholeSubtree, let destination = try? scope.recordRegion(destinationCode), destination != scope.region {
            let side = try childOnPath(to: destination)
            if hasGateway(side.code) {
                let near = await child(side, false, childDeadline)
                if enough(near) { return near }
                excluded = side.code
                parts.append(near)
            }
        }
        let children = directory.childGateways().subtracting(excluded.map { [$0] } ?? []).sorted()
        let first = withinReach.map { reach in children.filter(reach) } ?? children
        parts += await gather(first, own: own, child: child, deadline: childDeadline)
        let rest = children.filter { !first.contains($0) }
        guard !rest.isEmpty else { return merge(parts) }
        let merged = merge(parts)
        if enough(merged) { return merged }
        return merge([merged] + (await gather(rest, own: nil, child: child, deadline: childDeadline)))
    }

    /// `own` (when given) and every one of `children`'s whole subtrees, in parallel.
    private func gather<Part: Sendable>(_ children: [String], own: (@Sendable (NIODeadline) async -> Part)?,
                                        child: @escaping @Sendable (Region, Bool, NIODeadline) async -> Part,
                                        deadline: NIODeadline) async -> [Part] {
        let tree = scope.tree
        return await withTaskGroup(of: Part.self) { group in
            if let own { group.addTask { await own(deadline) } }
            for code in children {
                guard let region = try? tree.region(code) else { continue }
                group.addTask { await child(region, true, deadline) }
            }
            var gathered: [Part] = []
            for await part in group { gathered.append(part) }
            return gathered
        }
    }
}

extension Gateway {
    /// `step` for each of `items` in parallel; the results in the items' order.
    static func inParallel<Item: Sendable, Result: Sendable>(_ items: some Collection<Item>,
                                                            _ step: @escaping @Sendable (Item) async -> Result) async -> [Result] {
        await withTaskGroup(of: (Int, Result).self) { group in
            for (index, item) in items.enumerated() { group.addTask { (index, await step(item)) } }
            var results: [(Int, Result)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
