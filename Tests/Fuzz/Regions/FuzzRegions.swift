import AnlanFuzzSupport
import AnlanRegions

/// The shipped tree, loaded once (the first input pays for it).
let tree = RegionTree.zhejiang

/// libFuzzer entry: region codes as every request and CSV row gives them, and region data files.
///
/// Input: one byte choosing the mode, then text (UTF-8, invalid sequences replaced, as a decoded
/// string field would be). Even: the text is a region code, looked up in the shipped Zhejiang tree
/// (`canonicalCode`, then the lookups every node makes of a known code). Odd: the text is a region data
/// file for `RegionTree(csv:)`. `RegionError` is the expected answer to a bad code or file. Invariants:
/// a canonical code is its own canonical code and lies in each of its ancestors' subtrees; every region
/// of a parsed tree is found in it by its own code.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegions(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let mode = input.byte()
    let text = String(decoding: input.rest(), as: UTF8.self)
    if mode % 2 == 0 {
        guard let code = try? tree.canonicalCode(text) else { return 0 }
        do {
            let again = try tree.canonicalCode(code)
            precondition(again == code, "canonical code \(code) is not its own canonical form")
            let ancestors = try tree.ancestors(of: text)
            precondition(ancestors.allSatisfy { tree.isInSubtree(code, of: $0.code) }, "\(code) is outside an ancestor's subtree")
            _ = try tree.location(of: text)
            _ = try tree.children(of: text)
        } catch {
            preconditionFailure("a code the tree accepted fails a lookup: \(error)")
        }
    } else {
        guard let parsed = try? RegionTree(csv: text) else { return 0 }
        precondition(parsed.root.tier == .province && parsed.count >= 1, "a parsed tree without its province")
        for region in parsed.allRegions {
            precondition((try? parsed.canonicalCode(region.code)) == region.code, "\(region.code) is not found in its own tree")
        }
    }
    return 0
}
