import ClinicCore
import Foundation

/// The terminal program's speed goals, measured (never asserted in tests):
/// start to first frame ≤ 150 ms, key press to updated screen p95 ≤ 5 ms at 200×60, full redraw,
/// resident memory after an hour of events replayed with an injected clock ≤ 40 MB, idle CPU ≈ 0.
@MainActor
enum TUIBenchmarks {
    nonisolated static let names = ["tui-first-frame", "tui-keypress", "tui-redraw", "tui-memory", "tui-idle-cpu"]

    static func run(_ name: String, databaseURL: String, samples: Int) throws -> BenchmarkResult {
        switch name {
        case "tui-first-frame": return try firstFrame(databaseURL: databaseURL, runs: max(10, samples / 100))
        case "tui-keypress": return try keypress(samples: samples)
        case "tui-redraw": return try redraw(samples: max(200, samples / 4))
        case "tui-memory": return try memory()
        case "tui-idle-cpu": return try idleCPU(databaseURL: databaseURL)
        default: throw BenchmarkError.unknownBenchmark(name, known: names)
        }
    }

    /// A signed-in front desk at 200×60 with a busy day (120 appointments, mixed scripts).
    static func busyState(width: Int = 200, height: Int = 60) -> AppState {
        var state = AppState()
        state.size = (width, height)
        let today = LocalDate(year: 2026, month: 11, day: 26)
        state.now = Instant(date: today, time: LocalTime(hour: 10, minute: 0), offsetSeconds: 19_800)
        state.lastInputAt = state.now
        state.phase = .working
        let centre = CentreChoice(
            id: 1, name: "Mibo Mind Clinic – Indiranagar", city: "bengaluru", timeZone: "Asia/Kolkata",
            offsetSeconds: 19_800)
        let actor = StaffActor(
            userID: 1, fullName: "Bench Desk", username: "bench", assignments: [RoleAssignment(role: .frontDesk, centreID: 1)],
            clinicianID: nil, activeCentreID: 1, host: "bench")
        state.session = DeskSession(actor: actor, centres: [centre], centre: centre)
        let names = ["Priya Sharma", "प्रिया शर्मा", "അനിൽ കുമാർ", "Mohammed Rafiq", "Gurpreet Singh Dhillon", "Sneha Kulkarni"]
        let statuses = ["BOOKED", "CONFIRMED", "IN_PROGRESS", "COMPLETED", "CANCELLED", "NO_SHOW"]
        let entries = (0..<120).map { index -> ScheduleEntry in
            let start = Instant(date: today, time: LocalTime(hour: 8 + index / 12, minute: index % 12 * 5), offsetSeconds: 19_800)
            return ScheduleEntry(
                appointmentID: Int64(index), start: start, end: start.adding(minutes: 30),
                localStart: LocalTime(hour: 8 + index / 12, minute: index % 12 * 5), patientName: names[index % names.count],
                patientPhone: nil, patientID: Int64(index), clinicianName: "Dr. Clinician \(index % 7)", clinicianID: 1,
                status: statuses[index % statuses.count], paymentState: index % 3 == 0 ? .paid : .unpaid,
                type: "IN_PERSON", source: "WEB_PATIENT")
        }
        state.today.snapshot = TodaySnapshot(day: today, entries: entries)
        return state
    }

    private static func runtime(_ state: AppState, terminal: TestTerminal) throws -> DeskRuntime {
        try DeskRuntime(
            state: state, terminal: terminal, theme: .colour,
            runner: EffectRunner(database: Database(url: "postgresql:///unused?host=/nonexistent"), host: "bench"),
            listenerURL: nil, clock: { state.now })
    }

    private static func keypress(samples: Int) throws -> BenchmarkResult {
        let terminal = TestTerminal(width: 200, height: 60)
        let desk = try runtime(busyState(), terminal: terminal)
        desk.draw()
        var times: [Double] = []
        for index in 0..<(samples + 100) {
            let started = ContinuousClock.now
            desk.dispatch(.key(index % 200 < 100 ? .down : .up))
            desk.draw()
            if index >= 100 { times.append(BenchmarkRunner.microseconds(since: started)) }
        }
        return BenchmarkResult(name: "tui-keypress 200×60", latency: Percentiles(times), note: "goal p95 ≤ 5000 µs")
    }

    private static func redraw(samples: Int) throws -> BenchmarkResult {
        let terminal = TestTerminal(width: 200, height: 60)
        let desk = try runtime(busyState(), terminal: terminal)
        var times: [Double] = []
        for index in 0..<(samples + 20) {
            let started = ContinuousClock.now
            desk.dispatch(.key(.control("l")))
            desk.draw()
            if index >= 20 { times.append(BenchmarkRunner.microseconds(since: started)) }
        }
        return BenchmarkResult(name: "tui-redraw 200×60 (full)", latency: Percentiles(times))
    }

    /// One hour at one tick a second, a key every 3 s, a live update every 20 s with a reload.
    private static func memory() throws -> BenchmarkResult {
        let terminal = TestTerminal(width: 200, height: 60)
        let state = busyState()
        let desk = try runtime(state, terminal: terminal)
        let base = state.now
        let notification = ChangeNotification(table: "appointments", op: "UPDATE", id: 1, centre: 1, day: "2026-11-26")
        let started = ContinuousClock.now
        for second in 0..<3600 {
            desk.dispatch(.tick(base.adding(seconds: Int64(second))))
            if second % 3 == 0 { desk.dispatch(.key(second % 6 == 0 ? .down : .up)) }
            if second % 20 == 0 {
                desk.dispatch(.databaseChanged([notification]))
                if let requestID = desk.state.today.pendingRequest, let snapshot = state.today.snapshot {
                    desk.dispatch(.todayLoaded(requestID: requestID, snapshot))
                }
            }
            desk.draw()
        }
        let seconds = BenchmarkRunner.seconds(since: started)
        let megabytes = residentMegabytes()
        return BenchmarkResult(
            name: "tui-memory (1 h of events)", latency: Percentiles([megabytes]),
            note: String(
                format: "resident %.1f MB after 3600 ticks, 1200 keys, 180 reloads in %.1f s; goal ≤ 40 MB",
                megabytes, seconds))
    }

    static func residentMegabytes() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return -1 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    private static func firstFrame(databaseURL: String, runs: Int) throws -> BenchmarkResult {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        var times: [Double] = []
        for run in 0..<runs {
            let report = NSTemporaryDirectory() + "clinic-first-frame-\(getpid())-\(run)"
            let server = "clinic-bench-\(getpid())"
            try TmuxControl.run([
                "-L", server, "-f", "/dev/null", "new-session", "-d", "-x", "200", "-y", "60",
                "env TERM=screen-256color LC_ALL=C.UTF-8 CLINIC_FIRST_FRAME_REPORT=\(report) DATABASE_URL='\(databaseURL)' \(binary)",
            ])
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, !FileManager.default.fileExists(atPath: report) { usleep(5_000) }
            TmuxControl.stopServer(server)
            if let text = try? String(contentsOfFile: report, encoding: .utf8),
                let value = Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                times.append(value * 1000)
            }
            unlink(report)
        }
        return BenchmarkResult(
            name: "tui-first-frame", latency: Percentiles(times),
            note: "process start to first frame, incl. connect and schema check; goal ≤ 150000 µs")
    }

    /// CPU used by a signed-out desk left alone for 10 seconds.
    private static func idleCPU(databaseURL: String) throws -> BenchmarkResult {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        let server = "clinic-bench-idle-\(getpid())"
        try TmuxControl.run([
            "-L", server, "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30",
            "env TERM=screen-256color LC_ALL=C.UTF-8 DATABASE_URL='\(databaseURL)' \(binary)",
        ])
        defer { TmuxControl.stopServer(server) }
        var pid: Int32?
        let deadline = Date().addingTimeInterval(10)
        while pid == nil, Date() < deadline {
            let shell = try TmuxControl.run(["-L", server, "list-panes", "-F", "#{pane_pid}"]).trimmingCharacters(
                in: .whitespacesAndNewlines)
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            pid = children.split(separator: " ").first.flatMap { Int32($0) } ?? Int32(shell)
            usleep(200_000)
        }
        guard let pid else { throw BenchmarkError.unknownBenchmark("tui-idle-cpu (desk did not start)", known: names) }
        usleep(1_000_000)
        let before = cpuTicks(pid)
        usleep(10_000_000)
        let after = cpuTicks(pid)
        let ticks = Double(after - before)
        let percent = ticks / Double(sysconf(Int32(_SC_CLK_TCK))) / 10 * 100
        return BenchmarkResult(
            name: "tui-idle-cpu", latency: Percentiles([percent]),
            note: String(format: "%.2f%% of one core over 10 s idle (%.0f ticks)", percent, ticks))
    }

    private static func cpuTicks(_ pid: Int32) -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let closing = stat.lastIndex(of: ")") else {
            return 0
        }
        let fields = stat[stat.index(after: closing)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return 0 }
        return user + system
    }
}
