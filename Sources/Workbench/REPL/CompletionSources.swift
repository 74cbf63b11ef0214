import Foundation
import GlueEngine

extension CommandCompleter {
    /// Which arguments take which values. `file` is a local path (or an `s3://` address).
    static let standardKinds: [KindRule] = [
        { path, a in path.first == "lab" && a.kind == "positional" && a.valueName == "id" ? "lab" : nil },
        { _, a in a.key == "sandbox" ? "sandbox" : nil },
        { path, a in
            if a.key == "job" { return "job" }
            if path.first == "job", a.kind == "positional", a.valueName == "name" { return "job" }
            return nil
        },
        { path, a in path.first == "crawler" && a.kind == "positional" && a.valueName == "name" ? "crawler" : nil },
        { path, a in path.first == "topic" && a.kind == "positional" && a.valueName == "name" ? "topic" : nil },
        { _, a in ["lab", "lab-id"].contains(a.key) ? "lab" : nil },
        { path, a in ["question", "question-id"].contains(a.key) || (path.first == "ask" && a.kind == "positional") ? "question" : nil },
        { path, a in path.first == "quiz" && a.key == "topic" ? "question-topic" : nil },
        { _, a in
            let fileish = ["path", "source", "destination", "script", "file", "script-location"]
            return fileish.contains(a.key) || (a.kind == "positional" && fileish.contains(a.valueName ?? "")) ? "file" : nil
        },
    ]

    /// The value lists gluelab knows today. Each opens the sandbox only when it exists, so
    /// completing never creates one.
    static let standardSources: [String: Source] = [
        "lab": { _ in (try? LabLoader.locate().ids()) ?? [] },
        "sandbox": { c in
            let folder = c.home.appendingPathComponent("sandboxes")
            return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        },
        "job": { c in (try? existing(c).map { try JobStore(sandbox: $0).list().map(\.name) }) ?? [] },
        "crawler": { c in (try? existing(c).map { try CrawlerStore(sandbox: $0).list().map(\.name) }) ?? [] },
        "topic": { c in (try? existing(c).map { try TopicStore(sandbox: $0).list().map(\.name) }) ?? [] },
        "question": { _ in ((try? QuestionLoader.locate())?.loadFiles().bank.questions.map(\.id) ?? []).sorted() },
        "question-topic": { _ in Set((try? QuestionLoader.locate())?.loadFiles().bank.questions.map(\.topic) ?? []).sorted() },
    ]

    /// The context's sandbox when it exists already.
    static func existing(_ c: Context) throws -> Sandbox? {
        try S3Completion.existingSandbox(c.sandbox, home: c.home)
    }
}

/// `s3://` completion: buckets, then keys one folder level at a time.
enum S3Completion {
    static func existingSandbox(_ name: String, home: URL) throws -> Sandbox? {
        let folder = home.appendingPathComponent("sandboxes").appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: folder.path) else { return nil }
        return try Sandbox.open(home: home, name: name)
    }

    static func candidates(_ word: String, sandbox: String, home: URL, limit: Int = 500) -> [CompletionCandidate] {
        guard let store = try? existingSandbox(sandbox, home: home)?.store else { return [] }
        let rest = word.dropFirst(5)
        guard let slash = rest.firstIndex(of: "/") else {
            return ((try? store.listBuckets()) ?? []).map { CompletionCandidate("s3://\($0)/", display: "\($0)/", isFinal: false) }
        }
        let bucket = String(rest[..<slash])
        let typed = String(rest[rest.index(after: slash)...])
        let folder = typed.lastIndex(of: "/").map { String(typed[...$0]) } ?? ""
        guard let uri = try? S3URI(bucket: bucket, key: folder), let objects = try? store.list(uri) else { return [] }
        var seen = Set<String>()
        var out: [CompletionCandidate] = []
        for o in objects where o.key.hasPrefix(typed) {
            let after = o.key.dropFirst(folder.count)
            let part: String
            let isFolder: Bool
            if let s = after.firstIndex(of: "/") {
                part = String(after[...s])
                isFolder = true
            } else {
                part = String(after)
                isFolder = false
            }
            guard seen.insert(part).inserted else { continue }
            out.append(CompletionCandidate("s3://\(bucket)/\(folder)\(part)", display: part, isFinal: !isFolder))
            if out.count >= limit { break }
        }
        return out
    }
}

/// Local paths: the entries of the folder the word names, folders with a trailing `/`.
enum LocalFileCompletion {
    static func candidates(_ c: CommandCompleter.Context) -> [CompletionCandidate] {
        let word = c.word
        let folder = word.lastIndex(of: "/").map { String(word[...$0]) } ?? ""
        let expanded = folder.hasPrefix("~/") ? NSHomeDirectory() + folder.dropFirst(1) : folder
        let dir = expanded.isEmpty ? "." : expanded
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        let typedName = String(word.dropFirst(folder.count))
        return names.filter { !$0.hasPrefix(".") || typedName.hasPrefix(".") }.sorted().prefix(500).map { name in
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(name), isDirectory: &isDir)
            return CompletionCandidate(folder + name + (isDir.boolValue ? "/" : ""), display: name + (isDir.boolValue ? "/" : ""),
                                       isFinal: !isDir.boolValue)
        }
    }
}

/// The words of a command line for completion: split on unquoted blanks, quotes and
/// backslashes removed (as `ArgumentSplitter` does), each with its character range.
enum CompletionWords {
    struct Word: Equatable {
        var text: String
        var start: Int
        var end: Int
    }

    static func split(_ line: String) -> [Word] {
        var words: [Word] = []
        var text = ""
        var start: Int?
        var quote: Character?
        var escaped = false
        for (i, c) in line.enumerated() {
            if escaped {
                text.append(c)
                escaped = false
            } else if let q = quote {
                if c == q { quote = nil } else if c == "\\" && q == "\"" { escaped = true } else { text.append(c) }
            } else if c == " " || c == "\t" {
                if let s = start { words.append(Word(text: text, start: s, end: i)) }
                start = nil
                text = ""
                continue
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "\\" {
                escaped = true
            } else {
                text.append(c)
            }
            if start == nil { start = i }
        }
        if let s = start { words.append(Word(text: text, start: s, end: line.count)) }
        return words
    }

    /// `text` with blanks, quotes and backslashes escaped by a backslash.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == " " || c == "\t" || c == "'" || c == "\"" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
