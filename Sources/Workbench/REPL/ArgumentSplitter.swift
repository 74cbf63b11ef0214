/// Splits a command line into arguments as a POSIX shell would for simple input: whitespace
/// separates arguments, `'...'` is literal, `"..."` allows `\"` and `\\`, and a backslash
/// outside quotes escapes the next character.
enum ArgumentSplitter {
    struct UnterminatedQuote: Error, CustomStringConvertible {
        let quote: Character
        var description: String { "unterminated \(quote) quote in the command line" }
    }

    static func split(_ line: String) throws -> [String] {
        var args: [String] = []
        var current = ""
        var inArgument = false
        var iterator = line.makeIterator()
        while let c = iterator.next() {
            switch c {
            case " ", "\t":
                if inArgument {
                    args.append(current)
                    current = ""
                    inArgument = false
                }
            case "'":
                inArgument = true
                var closed = false
                while let q = iterator.next() {
                    if q == "'" { closed = true; break }
                    current.append(q)
                }
                if !closed { throw UnterminatedQuote(quote: "'") }
            case "\"":
                inArgument = true
                var closed = false
                while let q = iterator.next() {
                    if q == "\"" { closed = true; break }
                    if q == "\\", let next = iterator.next() {
                        if next != "\"" && next != "\\" { current.append("\\") }
                        current.append(next)
                    } else {
                        current.append(q)
                    }
                }
                if !closed { throw UnterminatedQuote(quote: "\"") }
            case "\\":
                inArgument = true
                if let next = iterator.next() { current.append(next) }
            default:
                inArgument = true
                current.append(c)
            }
        }
        if inArgument { args.append(current) }
        return args
    }
}
