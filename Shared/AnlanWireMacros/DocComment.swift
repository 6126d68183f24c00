import SwiftSyntax

/// The `///` doc comment in a declaration's leading trivia, as one line of text.
enum DocComment {
    static func text(of trivia: Trivia) -> String {
        var lines: [String] = []
        for piece in trivia {
            switch piece {
            case .docLineComment(let text):
                lines.append(trim(text.dropFirst(3)))
            case .docBlockComment(let text):
                lines.append(trim(text.dropFirst(3).dropLast(2)))
            default:
                continue
            }
        }
        // Paragraph breaks (empty `///` lines) become one space: the schema wants one line.
        return lines.filter { !$0.isEmpty }.joined(separator: " ")
    }

    private static func trim(_ text: Substring) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
