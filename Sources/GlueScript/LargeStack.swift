import Foundation

/// Runs recursive work (parsing, and later evaluating, deeply nested expressions) on a thread
/// of its own with a large stack.
///
/// A recursive-descent parser uses about a dozen frames per bracket level, and debug builds
/// give those frames kilobytes each: 200 nested brackets (CPython's limit, and ours) need
/// several megabytes, more than the 512 KB of a Swift concurrency thread on macOS. The stack
/// is reserved virtual memory, touched only as deep as the work goes.
enum LargeStack {
    /// 64 MiB.
    static let size = 64 << 20

    /// `body()`, computed on a fresh thread with a `size` stack; the caller waits for it.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return box.value!
    }

    /// The result, written by the worker thread before it signals and read after the wait.
    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}
