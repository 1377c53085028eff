import Foundation

/// For the start-up benchmark: with `CLINIC_FIRST_FRAME_REPORT=<file>` set, the desk writes the
/// milliseconds from process start to its first frame into that file and quits.
enum FirstFrameReport {
    static var path: String? {
        ProcessInfo.processInfo.environment["CLINIC_FIRST_FRAME_REPORT"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Milliseconds since this process was started (from /proc: start time in clock ticks since boot).
    static func millisecondsSinceProcessStart() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let uptimeText = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
            let closing = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after "(comm)": state is field 3, starttime field 22.
        let fields = stat[stat.index(after: closing)...].split(separator: " ")
        guard fields.count > 19, let startTicks = Double(fields[19]),
            let uptime = uptimeText.split(separator: " ").first.flatMap({ Double($0) })
        else { return nil }
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (uptime - startTicks / ticksPerSecond) * 1000
    }

    /// Writes the figure; returns true when the desk should quit now.
    static func reportIfRequested() -> Bool {
        guard let path else { return false }
        let elapsed = millisecondsSinceProcessStart() ?? -1
        try? String(format: "%.1f\n", elapsed).write(toFile: path, atomically: true, encoding: .utf8)
        return true
    }
}
