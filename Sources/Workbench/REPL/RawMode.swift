#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Raw mode on the terminal while a line is read, and only then: commands run in the
/// terminal's normal mode. The saved settings are restored when the line is read, at exit, and
/// on the fatal signals that can end the process in raw mode (SIGTERM, SIGHUP, SIGSEGV,
/// SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE): the handler restores the terminal, then
/// re-raises the signal with its default action. Switching keeps typed-ahead input (TCSADRAIN). SIGINT cannot arrive in raw mode (Ctrl-C is
/// read as a key). SIGWINCH sets a flag the editor polls.
enum RawMode {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var savedFD: Int32 = -1
    nonisolated(unsafe) private static var resized: sig_atomic_t = 0
    nonisolated(unsafe) private static var installed = false
    private static let fatalSignals: [Int32] = [SIGTERM, SIGHUP, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// Puts `fd` in raw mode; false when it is not a terminal.
    static func enable(_ fd: Int32) -> Bool {
        var original = termios()
        guard tcgetattr(fd, &original) == 0 else { return false }
        installHandlers()
        saved = original
        savedFD = fd
        var raw = original
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_oflag &= ~tcflag_t(OPOST)
        raw.c_cflag |= tcflag_t(CS8)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSADRAIN, &raw) == 0 else {
            savedFD = -1
            return false
        }
        return true
    }

    /// Restores the terminal settings saved by `enable` (safe to call twice, and from a signal handler).
    static func disable() {
        guard savedFD >= 0 else { return }
        _ = tcsetattr(savedFD, TCSADRAIN, &saved)
        savedFD = -1
    }

    /// True once after the terminal changed size.
    static func takeResize() -> Bool {
        guard resized != 0 else { return false }
        resized = 0
        return true
    }

    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        atexit { RawMode.disable() }
        // No SA_RESTART: the editor's poll() returns EINTR on a resize and redraws at once.
        setHandler(SIGWINCH, flags: 0) { _ in RawMode.resized = 1 }
        // A parent may have started gluelab with signals blocked (threads of libdispatch block
        // them, and a spawned child inherits the mask): unblock the one the editor needs.
        var mask = sigset_t()
        sigemptyset(&mask)
        sigaddset(&mask, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        for sig in fatalSignals {
            var old = sigaction()
            sigaction(sig, nil, &old)
            // Leave alone a signal someone else handles or ignores.
            guard handler(of: old) == nil else { continue }
            setHandler(sig, flags: Int32(bitPattern: UInt32(SA_RESETHAND))) { sig in
                RawMode.disable()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    private static func setHandler(_ sig: Int32, flags: Int32, _ body: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = body
        #else
        action.__sigaction_u.__sa_handler = body
        #endif
        action.sa_flags = flags
        sigemptyset(&action.sa_mask)
        sigaction(sig, &action, nil)
    }

    private static func handler(of action: sigaction) -> (@convention(c) (Int32) -> Void)? {
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler
        #else
        action.__sigaction_u.__sa_handler
        #endif
    }
}
