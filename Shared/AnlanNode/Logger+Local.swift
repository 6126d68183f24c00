import Logging

extension Logger {
    /// The logger of a local command of service `kind` (`import`, `generate`, …): warnings and worse
    /// only, so that its own output stays readable.
    public static func localCommand(_ kind: String) -> Logger {
        var logger = Logger(label: "anlan.\(kind)")
        logger.logLevel = .warning
        return logger
    }
}
