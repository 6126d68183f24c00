import Foundation

/// A group file for `serve-group`: one node per line, each line the flags its own `serve` command would
/// take (e.g. `--region 330106 --port 7520 --database county.sqlite --registry 127.0.0.1:7403`);
/// blank lines and lines starting with `#` are skipped.
public enum NodeGroupFile {
    public static func nodes(path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").compactMap { line in
            let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            return words.isEmpty || words[0].hasPrefix("#") ? nil : words
        }
    }
}
