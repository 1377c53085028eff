import ArgumentParser
import ClinicCore
import Foundation

/// `clinic-desk bench`: where every speed goal is measured (tests never time things).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure latency percentiles and throughput against a seeded benchmark database.",
        discussion: """
            Creates (or reuses) the database clinic_desk_bench on the DATABASE_URL server, seeded with --patients \
            patients; it is rebuilt only when the size or the seed version changes. Benchmarks: \
            \(BenchmarkRunner.allNames.joined(separator: ", ")), \(TUIBenchmarks.names.joined(separator: ", ")). Each database benchmark also runs the same SQL \
            through bare libpq and prints ours/raw, the cost of our layer. Naming `seed` forces a rebuild and times it.
            """
    )

    @Argument(help: "Benchmarks to run (default: all but seed, which runs only when the database is (re)built).")
    var names: [String] = []

    @Option(help: "Patients in the benchmark database.")
    var patients: Int = 1_000_000

    @Option(help: "Samples per latency benchmark.")
    var samples: Int = 2000

    @Option(help: "Also write the results as JSON to this file.")
    var json: String?

    func run() async throws {
        let url = try DeskEnvironment().databaseURL()
        let report: BenchmarkReport
        do {
            let runner = try BenchmarkRunner(url: url, patients: patients, minimumSamples: samples) { line in
                print("  \(line)")
            }
            let terminalNames = names.filter { TUIBenchmarks.names.contains($0) }
            let databaseNames = names.filter { !TUIBenchmarks.names.contains($0) }
            var combined = try await runner.run(names.isEmpty ? [] : databaseNames, skipAll: !names.isEmpty && databaseNames.isEmpty)
            let samples = self.samples
            for name in names.isEmpty ? TUIBenchmarks.names : terminalNames {
                print("  running \(name)…")
                combined.results.append(try await MainActor.run { try TUIBenchmarks.run(name, databaseURL: url, samples: samples) })
            }
            report = combined
        } catch {
            throw reportFailure(error)
        }
        print(BenchmarkTable.render(report))
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(report).write(to: URL(fileURLWithPath: json))
            print("wrote \(json)")
        }
    }
}

/// The plain-text table `bench` prints.
enum BenchmarkTable {
    static func render(_ report: BenchmarkReport) -> String {
        var lines: [String] = []
        let settings = report.serverSettings.keys.sorted().map { "\($0)=\(report.serverSettings[$0] ?? "")" }
        lines.append("server: " + settings.joined(separator: "  "))
        lines.append("patients in benchmark database: \(report.patients)")
        lines.append(
            pad("benchmark", 30) + pad("n", 7) + pad("p50 µs", 10) + pad("p95 µs", 10) + pad("p99 µs", 10)
                + pad("raw p50", 10) + pad("ours/raw", 10) + "throughput")
        for result in report.results {
            var line = pad(result.name, 30) + pad(String(result.latency.count), 7)
            line += pad(format(result.latency.p50), 10) + pad(format(result.latency.p95), 10) + pad(format(result.latency.p99), 10)
            line += pad(result.rawLatency.map { format($0.p50) } ?? "-", 10)
            line += pad(result.layerCostRatio.map { String(format: "%.2f", $0) } ?? "-", 10)
            line += result.throughputPerSecond.map { String(format: "%.0f/s", $0) } ?? "-"
            if let note = result.note { line += "  (\(note))" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double) -> String {
        value >= 100_000 ? String(format: "%.0f", value) : String(format: "%.1f", value)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
