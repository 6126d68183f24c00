import AnlanRecords

extension DispatchLine {
    /// Needs written as `item=quantity`, comma-separated (e.g. `2030101=500,3010201=20`), as the
    /// probes take them.
    public static func needs(parsing text: String) throws(InvalidRecord) -> [DispatchLine] {
        var needs: [DispatchLine] = []
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let quantity = Int64(parts[1]) else { throw InvalidRecord("\"\(pair)\" is not item=quantity") }
            needs.append(DispatchLine(itemCode: String(parts[0]), quantity: quantity))
        }
        return needs
    }
}
