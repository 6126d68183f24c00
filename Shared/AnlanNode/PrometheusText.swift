/// Prometheus' text exposition format (0.0.4), read line by line: what `node.metrics` needs to show
/// one node's series out of a registry that holds every node of its process.
public enum PrometheusText {
    /// The series of `text` that belong to one node: those whose label `name` is `value`, and those
    /// without that label (figures of the whole process). A family's `# HELP`/`# TYPE` lines are kept
    /// when at least one of its samples is.
    ///
    /// Exact for any label value: in the format a value's `"` is escaped, so `name="value"` can only
    /// be the label itself.
    public static func series(of text: String, label name: String, value: String) -> String {
        let mine = name + "=\"" + escapedLabelValue(value) + "\""
        let anyValue = name + "=\""
        var kept: [Substring] = []
        var comments: [Substring] = []
        var afterSample = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") {
                // A family's comments end with its TYPE line; a comment after a sample or a TYPE line starts
                // the next family.
                if afterSample || comments.last?.hasPrefix("# TYPE") == true { comments.removeAll() }
                comments.append(line)
                afterSample = false
                continue
            }
            afterSample = true
            let labels = labelSection(of: line)
            if labels.isEmpty || hasLabel(labels, mine) || !hasLabel(labels, anyValue) {
                kept += comments
                comments.removeAll()
                kept.append(line)
            }
        }
        return kept.isEmpty ? "" : kept.joined(separator: "\n") + "\n"
    }

    /// A label value as the format writes it: backslash, double quote and line feed escaped.
    public static func escapedLabelValue(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `{…}` of a sample line `name{labels} value` — empty when the sample has no labels.
    private static func labelSection(of line: Substring) -> Substring {
        guard let open = line.firstIndex(of: "{"), let close = line.lastIndex(of: "}") else { return "" }
        return line[open...close]
    }

    /// Whether `labels` (`{a="x",b="y"}`) has a label starting `prefix` (`name="…`).
    private static func hasLabel(_ labels: Substring, _ prefix: String) -> Bool {
        labels.contains("{" + prefix) || labels.contains("," + prefix)
    }
}
