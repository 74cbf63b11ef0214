#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads lines on a terminal with editing, history and completion (see `LineEditor` for the
/// keys, `LineRenderer` for the drawing). The terminal is in raw mode only while a line is read.
struct TerminalLineEditor: LineReader {
    private let input: Int32
    private let output: Int32
    private var history: LineHistory
    private let completer: LineCompleter?
    private let color: Bool
    /// Keys typed ahead: read with the line before, for the next line.
    private var typedAhead: [Key] = []
    private var decoder = KeyDecoder()

    /// An editor on `input`/`output` (both terminals), keeping `history`.
    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, history: LineHistory,
         completer: LineCompleter?, color: Bool) {
        self.input = input
        self.output = output
        self.history = history
        self.completer = completer
        self.color = color
    }

    mutating func remember(_ line: String) { history.add(line) }

    func show(_ lines: [String]) {
        Output.flush()
        for l in lines { Output.line(l) }
        Output.flush()
    }

    mutating func readLine(prompt: String) -> LineReadResult {
        Output.flush()
        guard RawMode.enable(input) else { return PlainFallback.read(prompt: prompt) }
        defer { RawMode.disable() }
        var editor = LineEditor(history: history.entries, completer: completer)
        var renderer = LineRenderer(columns: Terminal.columns(of: output) ?? 80)
        draw(&renderer, editor, prompt: prompt)
        var bytes = [UInt8](repeating: 0, count: 512)
        while true {
            if RawMode.takeResize() {
                renderer.columns = Terminal.columns(of: output) ?? renderer.columns
                renderer.invalidate()
                draw(&renderer, editor, prompt: prompt)
            }
            var keys = typedAhead
            typedAhead = []
            if keys.isEmpty {
                var pfd = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
                let ready = poll(&pfd, 1, decoder.hasPending ? 40 : -1)
                if ready < 0 {
                    if errno == EINTR { continue }
                    return .endOfInput
                } else if ready == 0 {
                    keys = decoder.flush()
                } else {
                    let n = bytes.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                    if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                    if n <= 0 {
                        send("\r\n")
                        return .endOfInput
                    }
                    keys = decoder.feed(bytes[0..<n])
                }
            }
            for (index, key) in keys.enumerated() {
                let wasEmpty = editor.buffer.isEmpty && editor.search == nil
                switch editor.handle(key) {
                case .redraw:
                    draw(&renderer, editor, prompt: prompt)
                case .submit(let line):
                    renderer.invalidate()
                    draw(&renderer, editor, prompt: prompt)
                    typedAhead = Array(keys[(index + 1)...])
                    send("\r\n")
                    return .line(line)
                case .cancel:
                    typedAhead = Array(keys[(index + 1)...])
                    send("^C\r\n")
                    return .interrupted(wasEmpty: wasEmpty)
                case .endOfInput:
                    typedAhead = Array(keys[(index + 1)...])
                    send("\r\n")
                    return .endOfInput
                case .clearScreen:
                    send("\u{1B}[H\u{1B}[2J")
                    renderer.invalidate()
                    draw(&renderer, editor, prompt: prompt)
                case .list(let items):
                    let lines = ColumnLayout.lines(items, width: renderer.columns - 1)
                    send("\r\n" + lines.joined(separator: "\r\n") + "\r\n")
                    renderer.invalidate()
                    draw(&renderer, editor, prompt: prompt)
                case .bell:
                    send("\u{07}")
                case .none:
                    break
                }
            }
        }
    }

    private func draw(_ renderer: inout LineRenderer, _ editor: LineEditor, prompt: String) {
        let (prefix, line, cursor) = editor.display(prompt: prompt)
        let styled = color && editor.search == nil ? Style.bold.apply(prefix, enabled: true) : nil
        send(renderer.render(prefix: prefix, styledPrefix: styled, line: line, cursor: cursor))
    }

    private func send(_ text: String) {
        guard !text.isEmpty else { return }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}

/// Reading when raw mode cannot be set (a terminal that refuses it): prompt, then a plain line.
private enum PlainFallback {
    static func read(prompt: String) -> LineReadResult {
        Output.write(prompt)
        Output.flush()
        guard let line = Swift.readLine() else { return .endOfInput }
        return .line(line)
    }
}
