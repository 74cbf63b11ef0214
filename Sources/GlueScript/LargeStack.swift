import Foundation

/// Runs recursive work (parsing, and later evaluating, deeply nested expressions) on a thread
/// of its own with a large stack.
///
/// A recursive-descent parser uses about a dozen frames per bracket level, and debug builds
/// give those frames kilobytes each: 200 nested brackets (CPython's limit, and ours) need
/// several megabytes, more than the 512 KB of a Swift concurrency thread on macOS. The stack
/// is reserved virtual memory, touched only as deep as the work goes.
///
/// The threads are kept and reused, never ended: on Linux, a thread that called
/// `DispatchQueue.concurrentPerform` (the Parquet writer does) and then exits has libdispatch
/// free its continuation cache at exit, which corrupts the heap (seen as `malloc_consolidate():
/// unaligned fastbin chunk detected` when one process runs several Parquet-writing scripts).
enum LargeStack {
    /// 64 MiB.
    static let size = 64 << 20

    /// `body()`, computed on a `size`-stack thread; the caller waits for it.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let box = Box<T>()
        let worker = Worker.take()
        worker.perform { box.value = body() }
        Worker.give(worker)
        return box.value!
    }

    /// The result, written by the worker thread before it signals and read after the wait.
    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }

    /// One parked large-stack thread; `perform` hands it a job and waits for it.
    private final class Worker: @unchecked Sendable {
        private static let lock = NSLock()
        nonisolated(unsafe) private static var idle: [Worker] = []

        private let start = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)
        private var job: (@Sendable () -> Void)?

        /// An idle worker, or a new one (a nested or concurrent call gets its own).
        static func take() -> Worker {
            lock.lock()
            defer { lock.unlock() }
            return idle.popLast() ?? Worker()
        }

        static func give(_ worker: Worker) {
            lock.lock()
            idle.append(worker)
            lock.unlock()
        }

        private init() {
            let thread = Thread { [self] in
                while true {
                    start.wait()
                    job?()
                    job = nil
                    done.signal()
                }
            }
            thread.stackSize = LargeStack.size
            thread.start()
        }

        func perform(_ body: @escaping @Sendable () -> Void) {
            job = body
            start.signal()
            done.wait()
        }
    }
}
