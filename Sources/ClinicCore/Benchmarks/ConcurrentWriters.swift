/// Runs a benchmark's writers side by side and times them: the booking benchmarks differ only in what
/// one writer does.
enum ConcurrentWriters {
    /// Runs `writer(index)` on `count` concurrent tasks; every task's samples, and the wall time.
    static func run(
        _ count: Int, _ writer: @escaping @Sendable (Int) async throws -> [Double]
    ) async throws -> (samples: [Double], seconds: Double) {
        let started = ContinuousClock.now
        let samples = try await withThrowingTaskGroup(of: [Double].self) { group in
            for index in 0..<count { group.addTask { try await writer(index) } }
            var all: [Double] = []
            for try await part in group { all += part }
            return all
        }
        return (samples, BenchmarkRunner.seconds(since: started))
    }

    /// The web's bare INSERT of each appointment in its own transaction, through bare libpq, timed one
    /// by one (the raw path beside a desk writer).
    static func rawInserts(_ appointments: [NewAppointment], url: String) throws -> [Double] {
        let connection = try RawConnection(url: url)
        var samples: [Double] = []
        samples.reserveCapacity(appointments.count)
        for appointment in appointments {
            let began = ContinuousClock.now
            try connection.run("BEGIN")
            try connection.run(AppointmentStore.insertQuery(appointment))
            try connection.run("COMMIT")
            samples.append(BenchmarkRunner.microseconds(since: began))
        }
        return samples
    }
}
