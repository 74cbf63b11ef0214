/// A key press as the line editor sees it.
enum Key: Equatable, Sendable {
    /// Printable text (one or more characters; a paste arrives as one run).
    case text(String)
    case enter, tab, backspace, delete
    case left, right, up, down, home, end, wordLeft, wordRight
    /// Ctrl-C.
    case interrupt
    /// Ctrl-D: end of input on an empty line, else delete forward.
    case endOfInput
    /// Ctrl-K, Ctrl-U, Ctrl-W, Alt-D, Ctrl-Y.
    case killToEnd, killToStart, killWordBack, killWordForward, yank
    /// Ctrl-L.
    case clearScreen
    /// Ctrl-R.
    case reverseSearch
    /// Ctrl-G, or Escape on its own.
    case abort
    /// A sequence the editor does not use (ignored).
    case unknown
}

/// Turns terminal input bytes into keys: UTF-8 text, control keys, and the escape sequences
/// that xterm, VT100/VT220, rxvt, the Linux console and tmux send for cursor keys, Home, End
/// and Delete (`ESC [ A`, `ESC O H`, `ESC [ 1 ~`, `ESC [ 7 ~`, `ESC [ 3 ~`, `ESC [ 1 ; 5 C`...).
///
/// Bytes of an unfinished sequence are kept for the next `feed`; when no more bytes come
/// (the reader's short timeout), `flush()` turns a lone ESC into `.abort`.
struct KeyDecoder {
    private var pending: [UInt8] = []

    /// True when bytes of an unfinished sequence wait.
    var hasPending: Bool { !pending.isEmpty }

    /// Decodes `bytes` (after any pending ones) into keys.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        var i = 0
        var text: [UInt8] = []
        func flushText() {
            if !text.isEmpty {
                keys.append(.text(String(decoding: text, as: UTF8.self)))
                text.removeAll()
            }
        }
        while i < pending.count {
            let b = pending[i]
            if b >= 0x20 && b != 0x7F {
                // Text: ASCII or a whole UTF-8 sequence.
                let need = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                if i + need > pending.count {
                    // Wait for the rest, unless the bytes so far already break the sequence.
                    if pending[(i + 1)...].allSatisfy({ $0 & 0xC0 == 0x80 }) { break }
                }
                let end = min(i + need, pending.count)
                text.append(contentsOf: pending[i..<end])
                i = end
                continue
            }
            flushText()
            if b == 0x1B {
                guard let (key, length) = Self.escape(pending[(i + 1)...]) else { break }
                keys.append(key)
                i += 1 + length
                continue
            }
            keys.append(Self.control(b))
            i += 1
        }
        flushText()
        pending.removeFirst(i)
        return keys
    }

    /// Ends a pending sequence that will not be completed (a lone ESC is `.abort`).
    mutating func flush() -> [Key] {
        guard pending.first == 0x1B else {
            pending.removeAll()
            return []
        }
        let rest = Array(pending.dropFirst())
        pending.removeAll()
        return [.abort] + feed(rest)
    }

    private static func control(_ b: UInt8) -> Key {
        switch b {
        case 0x01: .home
        case 0x02: .left
        case 0x03: .interrupt
        case 0x04: .endOfInput
        case 0x05: .end
        case 0x06: .right
        case 0x07: .abort
        case 0x08, 0x7F: .backspace
        case 0x09: .tab
        case 0x0A, 0x0D: .enter
        case 0x0B: .killToEnd
        case 0x0C: .clearScreen
        case 0x0E: .down
        case 0x10: .up
        case 0x12: .reverseSearch
        case 0x15: .killToStart
        case 0x17: .killWordBack
        case 0x19: .yank
        default: .unknown
        }
    }

    /// The key of the escape sequence whose bytes after ESC start `rest`, and how many of
    /// those bytes it takes; nil when the sequence is not finished yet.
    private static func escape(_ rest: ArraySlice<UInt8>) -> (Key, Int)? {
        guard let first = rest.first else { return nil }
        switch first {
        case UInt8(ascii: "["):
            // CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, a final byte.
            var j = rest.startIndex + 1
            while j < rest.endIndex, rest[j] >= 0x20, rest[j] <= 0x3F { j += 1 }
            guard j < rest.endIndex else { return nil }
            let params = String(decoding: rest[(rest.startIndex + 1)..<j], as: UTF8.self)
            return (csi(params: params, final: rest[j]), j - rest.startIndex + 1)
        case UInt8(ascii: "O"):
            guard rest.count >= 2 else { return nil }
            let k: Key = switch rest[rest.startIndex + 1] {
            case UInt8(ascii: "A"): .up
            case UInt8(ascii: "B"): .down
            case UInt8(ascii: "C"): .right
            case UInt8(ascii: "D"): .left
            case UInt8(ascii: "H"): .home
            case UInt8(ascii: "F"): .end
            default: .unknown
            }
            return (k, 2)
        case UInt8(ascii: "b"), UInt8(ascii: "B"): return (.wordLeft, 1)
        case UInt8(ascii: "f"), UInt8(ascii: "F"): return (.wordRight, 1)
        case UInt8(ascii: "d"), UInt8(ascii: "D"): return (.killWordForward, 1)
        case 0x7F, 0x08: return (.killWordBack, 1)
        case 0x1B: return (.abort, 0)
        default: return (.unknown, 1)
        }
    }

    private static func csi(params: String, final: UInt8) -> Key {
        let parts = params.split(separator: ";").map(String.init)
        let modified = parts.count >= 2 && ["3", "5", "9"].contains(parts[1])
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return modified ? .wordRight : .right
        case UInt8(ascii: "D"): return modified ? .wordLeft : .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "~"):
            switch parts.first {
            case "1", "7": return .home
            case "4", "8": return .end
            case "3": return .delete
            default: return .unknown
            }
        default: return .unknown
        }
    }
}
