import Foundation
import TailorTemplate

/// Runs conformance cases in a child process so that an engine crash (a Swift
/// runtime trap, a stack overflow) costs one case rather than the whole run.
///
/// The child is `tailor template cases FILE --worker --lines-file LIST`: it renders
/// the listed lines and reports `S <line>` when it starts one, `A <line> <json>`
/// with an answer and `D <line>` for a line that gets none. The supervisor
/// forwards the answers. When the child dies, the cases it had started are the
/// suspects: each is run again alone; one that still kills its process gets no
/// answer and a note on standard error, and the rest of the file goes on. A
/// child that stops making progress (a case that never finishes) is killed
/// and handled the same way.
struct CaseSupervisor {
    var file: String
    var jobs: Int
    var lines: [(number: Int, range: Range<Int>)]
    var bytes: [UInt8]
    /// A child that says nothing for this long is taken to hang on a case and killed.
    var caseTimeout: Double = 10

    /// What one child process did.
    private struct WorkerRun {
        var finished: Set<Int> = []
        var started: Set<Int> = []
        var crash: String?
    }

    /// Renders every case. Returns nil when no child process could be started
    /// (the caller then renders in this process), else how many cases crashed.
    func run() -> Int? {
        var crashed = 0
        var pending = Set(lines.map(\.number))
        while !pending.isEmpty {
            // Backtraces only when a suspect runs alone, one per crashing case.
            guard let run = runWorker(pending.sorted(), jobs: jobs, backtrace: false) else { return nil }
            pending.subtract(run.finished)
            guard let crash = run.crash else { break }
            let suspects = run.started.subtracting(run.finished).intersection(pending)
            if suspects.isEmpty && run.finished.isEmpty {
                // No progress and nobody to blame: give up on the rest.
                ErrorPrinter.write("\(file): the case runner failed before rendering (\(crash)); \(pending.count) case(s) unanswered")
                return crashed + pending.count
            }
            for number in suspects.sorted() {
                guard let alone = runWorker([number], jobs: 1, backtrace: true) else { return nil }
                pending.subtract(alone.finished)
                if let crash = alone.crash, !alone.finished.contains(number) {
                    pending.remove(number)
                    crashed += 1
                    ErrorPrinter.write("\(file):\(number): case \(caseID(number)) crashed or hung the engine (\(crash)); no answer given")
                }
            }
        }
        return crashed
    }

    private func runWorker(_ numbers: [Int], jobs: Int, backtrace: Bool) -> WorkerRun? {
        guard let executable = Bundle.main.executablePath else { return nil }
        let listPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("tailor-cases-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: listPath) }
        let list = numbers.map(String.init).joined(separator: "\n")
        guard FileManager.default.createFile(atPath: listPath, contents: Data(list.utf8)) else { return nil }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["template", "cases", file, "--worker", "--jobs", String(jobs), "--lines-file", listPath]
        if !backtrace {
            var environment = ProcessInfo.processInfo.environment
            environment["SWIFT_BACKTRACE"] = "enable=no"
            process.environment = environment
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        do {
            try process.run()
        } catch {
            return nil
        }

        // A watchdog kills a child that stops making progress (an endless loop).
        let lastActivity = Locked(Stopwatch.now())
        let state = Locked((finished: false, timedOut: false))
        let pid = process.processIdentifier
        let timeoutNanos = UInt64(caseTimeout * 1e9)
        let watchdog = Thread {
            while true {
                Thread.sleep(forTimeInterval: 0.1)
                let idle = Stopwatch.now() - lastActivity.withLock { $0 }
                let stop = state.withLock { state -> Bool in
                    if state.finished { return true }
                    if idle > timeoutNanos { state.timedOut = true }
                    return state.timedOut
                }
                if stop { break }
            }
            if state.withLock({ $0.timedOut && !$0.finished }) { kill(pid, SIGKILL) }
        }
        watchdog.start()

        var run = WorkerRun()
        var buffer: [UInt8] = []
        let reader = pipe.fileHandleForReading
        while true {
            let data = reader.availableData
            if data.isEmpty { break }
            lastActivity.withLock { $0 = Stopwatch.now() }
            buffer.append(contentsOf: data)
            var start = 0
            while let end = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                handle(message: buffer[start..<end], into: &run)
                start = end + 1
            }
            buffer.removeFirst(start)
        }
        process.waitUntilExit()
        let timedOut = state.withLock { state -> Bool in
            state.finished = true
            return state.timedOut
        }
        if timedOut {
            run.crash = "no answer within \(caseTimeout) s, killed"
        } else if process.terminationReason == .uncaughtSignal {
            run.crash = "signal \(process.terminationStatus)\(Self.signalName(process.terminationStatus))"
        } else if process.terminationStatus != 0 {
            run.crash = "exit status \(process.terminationStatus)"
        }
        return run
    }

    private func handle(message: ArraySlice<UInt8>, into run: inout WorkerRun) {
        // "S 12", "D 12" or "A 12 {json}"
        guard message.count >= 3, let kind = message.first else { return }
        let rest = message.dropFirst(2)
        let numberEnd = rest.firstIndex(of: UInt8(ascii: " ")) ?? rest.endIndex
        guard let number = Int(String(decoding: rest[..<numberEnd], as: UTF8.self)) else { return }
        switch kind {
        case UInt8(ascii: "S"):
            run.started.insert(number)
        case UInt8(ascii: "D"):
            run.finished.insert(number)
        case UInt8(ascii: "A"):
            run.finished.insert(number)
            var answer = Array(rest[rest.index(after: numberEnd)...])
            answer.append(UInt8(ascii: "\n"))
            StandardStream.output.write(answer)
        default:
            break
        }
    }

    private func caseID(_ number: Int) -> String {
        guard let line = lines.first(where: { $0.number == number }),
            let id = ConformanceCase.scanID(Array(bytes[line.range]))
        else { return "(id unreadable)" }
        return "'\(id)'"
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGILL, SIGTRAP: return ", a Swift runtime trap"
        case SIGSEGV, SIGBUS: return ", a bad memory access or a stack overflow"
        case SIGABRT: return ", abort"
        case SIGKILL: return ", killed"
        default: return ""
        }
    }
}
