extension String {
    /// The text without leading and trailing ASCII spaces and tabs. Cheap when there are none (the
    /// usual case for CSV fields and request strings): no bridging, no copy.
    @inlinable
    public var trimmed: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return "" }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        if !isSpace(first) && !isSpace(last) { return self }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = utf8.index(after: utf8.lastIndex(where: { !isSpace($0) })!)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
