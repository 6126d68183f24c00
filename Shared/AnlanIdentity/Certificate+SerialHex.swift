import X509

extension Certificate.SerialNumber {
    /// Lower-case hexadecimal, no separators: how revocation lists and the PKI command name a certificate.
    public var hex: String {
        bytes.map { byte in
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
        }.joined()
    }
}
