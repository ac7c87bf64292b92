import Dispatch
import Foundation
import Synchronization

/// Cleans up when the benchmark itself is interrupted (Ctrl-C, SIGTERM): kills
/// the services a run started and removes its temporary folders, which would
/// otherwise outlive it (a release of `Pipeline` never happens on exit).
enum InterruptGuard {
    private static let services = Mutex<Set<Int32>>([])
    private static let folders = Mutex<Set<String>>([])
    /// The signal sources, kept alive for as long as the process runs.
    private static let sources = Mutex<[any DispatchSourceSignal]>([])

    /// Starts handling SIGINT and SIGTERM; call once, before starting any service.
    static func install() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)  // the source below handles it instead
            sources.withLock { sources in
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    for pid in services.withLock({ $0 }) { kill(pid, SIGKILL) }
                    for folder in folders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
                    progress("interrupted: services stopped, temporary files removed")
                    exit(128 + number)
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// Remembers services and a folder to clean up until ``release(services:folder:)``.
    static func guardRun(services pids: [Int32], folder: String) {
        services.withLock { $0.formUnion(pids) }
        folders.withLock { _ = $0.insert(folder) }
    }

    static func release(services pids: [Int32], folder: String) {
        services.withLock { $0.subtract(pids) }
        folders.withLock { _ = $0.remove(folder) }
    }
}
