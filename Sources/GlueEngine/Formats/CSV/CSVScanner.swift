/// Splits CSV bytes into records and records into fields, as byte ranges, without copying.
///
/// One scanner walks one range of the input (the whole input, or one of the parallel chunks).
/// `nextRecord()` leaves the fields of the record it found in `spans[0..<fieldCount]`; values
/// that need unescaping or UTF-8 repair are decoded later, one at a time, by `value(of:)`.
///
/// Lexical rules (RFC 4180 plus Glue's options):
/// - Records end at LF, CRLF or CR. An empty line is not a record (skipped).
/// - A field is quoted only when the quote character is its first byte; a quote inside an
///   unquoted field is an ordinary character (`5" pipe` reads as is).
/// - Inside quotes, a doubled quote is one quote; the separator is ordinary; a line break is
///   part of the value only with `multiLine` — without it the line ends the record, which is
///   then malformed ("unterminated quoted field"), as Glue needs `multiLine` for such records.
/// - After a closing quote only a separator, a line break or the end of input may follow;
///   anything else (`"ab"c`) makes the record malformed.
/// - The escaper (when set) makes the next byte literal, in quoted and unquoted fields alike;
///   `\n`, `\r`, `\t`, `\0` (with the escaper in place of `\`) are the control characters.
///   It never escapes a line break, and an escaper equal to the quote character only means
///   what doubling already means.
struct CSVScanner {
    /// Where one field's bytes are: `start..<end` in the input, and what decoding they need.
    struct Span {
        var start: Int
        var end: Int
        var flags: UInt8
    }

    /// What `nextRecord()` found.
    enum Outcome {
        /// Fields in `spans[0..<fieldCount]`.
        case record
        /// An empty line.
        case blank
        /// A record that cannot be read; `recordStart..<recordEnd` is its text.
        case malformed(reason: String)
    }

    // Span flags.
    static let quoted: UInt8 = 1
    static let needsUnescape: UInt8 = 2
    static let hasHighBytes: UInt8 = 4

    // Byte classes.
    private static let separatorClass: UInt8 = 1
    private static let quoteClass: UInt8 = 2
    private static let lineBreakClass: UInt8 = 4
    private static let escaperClass: UInt8 = 8
    private static let highClass: UInt8 = 16

    let p: UnsafePointer<UInt8>
    /// The end of this scanner's range.
    let end: Int
    /// The next byte to read.
    var position: Int
    /// The 1-based line number at `position` (relative to the scanner's first line).
    var line: Int
    /// The line the last record started on, and its text range (terminator excluded).
    private(set) var recordLine = 0
    private(set) var recordStart = 0
    private(set) var recordEnd = 0

    private(set) var spans: UnsafeMutablePointer<Span>
    private var spanCapacity = 64
    private(set) var fieldCount = 0

    private let classes: UnsafeMutablePointer<UInt8>
    let quote: UInt8
    let escaper: UInt8
    let hasQuote: Bool
    let hasEscaper: Bool
    private let multiLine: Bool
    /// A buffer for decoded values (see `CSVScanner+Decoding.swift`).
    var scratch: UnsafeMutablePointer<UInt8>
    var scratchCapacity = 256

    init(bytes: UnsafePointer<UInt8>, from start: Int, to end: Int, firstLine: Int, options: CSVOptions) {
        p = bytes
        self.end = end
        position = start
        line = firstLine
        multiLine = options.multiLine
        quote = options.quoteChar ?? 0
        hasQuote = options.quoteChar != nil
        let esc = options.escaper.flatMap { $0 == options.quoteChar ? nil : $0 }
        escaper = esc ?? 0
        hasEscaper = esc != nil
        classes = .allocate(capacity: 256)
        classes.initialize(repeating: 0, count: 256)
        for b in 0x80...0xFF { classes[b] = Self.highClass }
        classes[0x0A] = Self.lineBreakClass
        classes[0x0D] = Self.lineBreakClass
        classes[Int(options.separator)] |= Self.separatorClass
        if hasQuote { classes[Int(quote)] |= Self.quoteClass }
        if hasEscaper { classes[Int(escaper)] |= Self.escaperClass }
        spans = .allocate(capacity: spanCapacity)
        scratch = .allocate(capacity: scratchCapacity)
    }

    /// Frees the scanner's buffers; call once, when done.
    func deallocate() {
        classes.deallocate()
        spans.deallocate()
        scratch.deallocate()
    }

    var atEnd: Bool { position >= end }

    /// Reads the record at `position` (which must be before `end`) and moves past it.
    mutating func nextRecord() -> Outcome {
        recordLine = line
        recordStart = position
        fieldCount = 0
        var i = position
        if classes[Int(p[i])] & Self.lineBreakClass != 0 {
            recordEnd = i
            position = consumeLineBreak(at: i)
            return .blank
        }
        let unquotedStop = Self.separatorClass | Self.lineBreakClass | Self.escaperClass | Self.highClass
        while true {
            var flags: UInt8 = 0
            let start: Int
            if hasQuote && i < end && p[i] == quote {
                flags = Self.quoted
                start = i + 1
                switch scanQuoted(from: start, flags: &flags) {
                case .closed(let closing):
                    pushSpan(start, closing, flags)
                    i = closing + 1
                    if i >= end { return finishRecord(at: i) }
                    let c = p[i]
                    if classes[Int(c)] & Self.separatorClass != 0 {
                        i += 1
                        continue
                    }
                    if classes[Int(c)] & Self.lineBreakClass != 0 { return finishRecord(at: i) }
                    return malformed("unexpected character after a closing quote", skippingLineFrom: i)
                case .lineBreak(let at):
                    return malformed("unterminated quoted field (line break inside quotes needs multiLine)", skippingLineFrom: at)
                case .endOfInput:
                    recordEnd = end
                    position = end
                    return .malformed(reason: "unterminated quoted field at end of input")
                }
            }
            start = i
            var stop = unquotedStop
            while true {
                while i < end && classes[Int(p[i])] & stop == 0 { i += 1 }
                if i >= end { break }
                let cls = classes[Int(p[i])]
                if cls & Self.highClass != 0 {
                    flags |= Self.hasHighBytes
                    stop &= ~Self.highClass
                    i += 1
                } else if cls & Self.escaperClass != 0 {
                    flags |= Self.needsUnescape
                    i += (i + 1 < end && classes[Int(p[i + 1])] & Self.lineBreakClass == 0) ? 2 : 1
                } else {
                    break
                }
            }
            pushSpan(start, i, flags)
            if i < end && classes[Int(p[i])] & Self.separatorClass != 0 {
                i += 1
                continue
            }
            return finishRecord(at: i)
        }
    }

    private enum QuotedEnd {
        case closed(at: Int)
        case lineBreak(at: Int)
        case endOfInput
    }

    /// Scans quoted content from `i` to its closing quote, counting lines inside it.
    private mutating func scanQuoted(from start: Int, flags: inout UInt8) -> QuotedEnd {
        var i = start
        var stop = Self.quoteClass | Self.lineBreakClass | Self.escaperClass | Self.highClass
        while true {
            while i < end && classes[Int(p[i])] & stop == 0 { i += 1 }
            if i >= end { return .endOfInput }
            let c = p[i]
            let cls = classes[Int(c)]
            if cls & Self.quoteClass != 0 {
                if i + 1 < end && p[i + 1] == quote {
                    flags |= Self.needsUnescape
                    i += 2
                    continue
                }
                return .closed(at: i)
            } else if cls & Self.highClass != 0 {
                flags |= Self.hasHighBytes
                stop &= ~Self.highClass
                i += 1
            } else if cls & Self.escaperClass != 0 {
                flags |= Self.needsUnescape
                i += (i + 1 < end && classes[Int(p[i + 1])] & Self.lineBreakClass == 0) ? 2 : 1
            } else {
                guard multiLine else { return .lineBreak(at: i) }
                i = consumeLineBreak(at: i)
            }
        }
    }

    /// Ends the record at `i` (a line break or the end of input).
    private mutating func finishRecord(at i: Int) -> Outcome {
        recordEnd = i
        position = i < end ? consumeLineBreak(at: i) : end
        return .record
    }

    /// Ends a malformed record at the end of the line containing `i`.
    private mutating func malformed(_ reason: String, skippingLineFrom i: Int) -> Outcome {
        var j = i
        while j < end && classes[Int(p[j])] & Self.lineBreakClass == 0 { j += 1 }
        recordEnd = j
        position = j < end ? consumeLineBreak(at: j) : end
        return .malformed(reason: reason)
    }

    /// Moves past the line break at `i` (CRLF counts as one) and counts the line.
    @inline(__always)
    private mutating func consumeLineBreak(at i: Int) -> Int {
        line += 1
        if p[i] == 0x0D && i + 1 < end && p[i + 1] == 0x0A { return i + 2 }
        return i + 1
    }

    @inline(__always)
    private mutating func pushSpan(_ start: Int, _ end: Int, _ flags: UInt8) {
        if fieldCount == spanCapacity {
            let bigger = UnsafeMutablePointer<Span>.allocate(capacity: spanCapacity * 2)
            bigger.moveInitialize(from: spans, count: fieldCount)
            spans.deallocate()
            spans = bigger
            spanCapacity *= 2
        }
        spans[fieldCount] = Span(start: start, end: end, flags: flags)
        fieldCount += 1
    }

    /// The text of the last record, for an error record: invalid UTF-8 replaced, cut at 64 KiB.
    var recordText: String {
        let n = min(recordEnd - recordStart, 65_536)
        return String(decoding: UnsafeBufferPointer(start: p + recordStart, count: n), as: UTF8.self)
    }
}
