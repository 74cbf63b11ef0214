import Foundation

/// One line typed during an exam (or a practice session), parsed.
///
/// Commands are words or their one-letter short forms in lower case: `n`/`next`, `p`/`prev`,
/// `g 12`/`go 12` (or just `12`), `f`/`flag`, `s`/`skip`, `l`/`list`, `submit`, `q`/`quit`,
/// `h`/`help`, `y`/`yes` (confirms). Anything else is an answer: option letters, `B`, `b`,
/// `B,D`, `b d`. An upper-case single letter is always an answer, so `F` chooses option F while
/// `f` flags the question.
public enum ExamInput: Sendable, Equatable {
    case answer([String])
    case next, previous, flag, skip, list, help, submit, quit, confirm, empty
    case go(Int)
    case invalid(String)

    /// Parses `line`.
    public init(line: String) {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { self = .empty; return }
        if text.count == 1, let c = text.first, c.isUppercase {
            self = .answer([String(c)])
            return
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let word = words[0].lowercased()
        if words.count == 1, let command = Self.commands[word] {
            self = command
            return
        }
        if words.count == 1, let n = Int(word) { self = .go(n); return }
        if ["g", "go", "goto"].contains(word) {
            if words.count == 2, let n = Int(words[1]) { self = .go(n) } else { self = .invalid("go to which question? e.g. 'g 12'") }
            return
        }
        let allowed = Set(",; ".unicodeScalars)
        guard text.unicodeScalars.allSatisfy({ ($0.properties.isAlphabetic && $0.isASCII) || allowed.contains($0) }) else {
            self = .invalid("not an answer or a command: '\(text)' (type h for help)")
            return
        }
        let groups = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " })
        if groups.contains(where: { $0.count > 1 }) && groups.count > 1 || (groups.count == 1 && groups[0].count > 6) {
            self = .invalid("not an answer or a command: '\(text)' (type h for help)")
            return
        }
        self = .answer(Question.parseKeys(text))
    }

    static let commands: [String: ExamInput] = [
        "n": .next, "next": .next, "p": .previous, "prev": .previous, "previous": .previous, "back": .previous,
        "f": .flag, "flag": .flag, "s": .skip, "skip": .skip, "l": .list, "list": .list, "h": .help, "help": .help, "?": .help,
        "submit": .submit, "q": .quit, "quit": .quit, "y": .confirm, "yes": .confirm,
    ]

    /// The exam's commands, for `help`.
    public static let helpText = """
        Answer with option letters: B, or B,D for two. Commands:
          n / next        next question         p / prev      previous question
          g 12 / 12       go to question 12     f / flag      flag (or unflag) this question
          s / skip        leave it for later    l / list      every question and its status
          submit          end the exam          q / quit      leave without a score
        """
}
