/// What one `clinic-desk bench` run measured, printable and JSON-encodable.
public struct BenchmarkReport: Sendable, Codable, Equatable {
    /// Server settings that change the figures (synchronous_commit, shared_buffers, fsync, version).
    public var serverSettings: [String: String]
    /// Patients in the benchmark database.
    public var patients: Int
    public var results: [BenchmarkResult]
}

/// One benchmark: latency percentiles in microseconds through our layer, and through the raw path.
public struct BenchmarkResult: Sendable, Codable, Equatable {
    public var name: String
    /// Latency of one operation through ClinicCore, microseconds.
    public var latency: Percentiles
    /// The same SQL through bare libpq, microseconds (nil where there is no raw equivalent).
    public var rawLatency: Percentiles?
    /// Operations per second across all writers (for throughput benchmarks).
    public var throughputPerSecond: Double?
    /// A free-form note (rows, seconds) for benchmarks that are one long run, such as seeding.
    public var note: String?

    /// ClinicCore p50 / raw p50: the cost of our layer (1.0 = free).
    public var layerCostRatio: Double? {
        guard let raw = rawLatency, raw.p50 > 0 else { return nil }
        return latency.p50 / raw.p50
    }

    public init(
        name: String, latency: Percentiles, rawLatency: Percentiles? = nil, throughputPerSecond: Double? = nil,
        note: String? = nil
    ) {
        self.name = name
        self.latency = latency
        self.rawLatency = rawLatency
        self.throughputPerSecond = throughputPerSecond
        self.note = note
    }
}
