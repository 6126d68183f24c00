import X509

extension Certificate.SerialNumber {
    /// Lower-case hexadecimal, no separators: how revocation lists and the PKI command name a certificate.
    public var hex: String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            for (i, byte) in bytes.enumerated() {
                buffer[2 * i] = Self.hexDigits[Int(byte >> 4)]
                buffer[2 * i + 1] = Self.hexDigits[Int(byte & 0x0F)]
            }
            return bytes.count * 2
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
