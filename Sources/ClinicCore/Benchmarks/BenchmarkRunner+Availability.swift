import Foundation

/// The availability grid and the desk's whole booking transaction, each beside raw SQL in the same run.
extension BenchmarkRunner {
    /// 50 clinicians at one "Bench Centre", every day 00:00–23:30 in 30-minute slots, half of a grid day
    /// booked. Created once per benchmark database.
    struct GridBenchContext: Sendable {
        var centre: Int64
        var clinicians: [Int64]
        var patient: Int64
        var staffUser: Int64
        /// The busy day the grid benchmark reads.
        static let gridDay = LocalDate(year: 2089, month: 12, day: 1)

        static func prepare(_ database: Database) async throws -> GridBenchContext {
            let context = try await database.transaction { session in
                let staffUser: Int64 = try session.queryOne("SELECT min(id) AS id FROM users WHERE user_type = 'STAFF'").decode("id")
                let patient: Int64 = try session.queryOne(
                    """
                    SELECT min(pp.id) AS id FROM patient_profiles pp JOIN users u ON u.id = pp.user_id
                    WHERE pp.is_active AND u.is_active AND u.phone IS NOT NULL
                    """
                ).decode("id")
                if let existing = try session.query("SELECT id FROM centres WHERE name = 'Bench Centre'").first {
                    let centre: Int64 = try existing.decode("id")
                    let clinicians: [Int64] = try session.query(
                        "SELECT id FROM clinician_profiles WHERE primary_centre_id = \(centre) ORDER BY id"
                    ).map { try $0.decode("id") }
                    return GridBenchContext(centre: centre, clinicians: clinicians, patient: patient, staffUser: staffUser)
                }
                let centre: Int64 = try session.queryOne(
                    "INSERT INTO centres (name, city, timezone) VALUES ('Bench Centre', 'bengaluru', 'Asia/Kolkata') RETURNING id"
                ).decode("id")
                var clinicians: [Int64] = []
                for index in 0..<50 {
                    let user: Int64 = try session.queryOne(
                        "INSERT INTO users (full_name, user_type, username) VALUES (\("Bench Clinician \(index)"), 'STAFF', \("bench.clinician.\(index)")) RETURNING id"
                    ).decode("id")
                    let clinician: Int64 = try session.queryOne(
                        """
                        INSERT INTO clinician_profiles (user_id, primary_centre_id, default_consultation_duration_minutes, specialization)
                        VALUES (\(user), \(centre), 30, '["Psychiatry"]'::jsonb) RETURNING id
                        """
                    ).decode("id")
                    clinicians.append(clinician)
                    try session.execute(
                        """
                        INSERT INTO clinician_availability_rules (clinician_id, centre_id, day_of_week, start_time, end_time, slot_duration_minutes, mode)
                        SELECT \(clinician), \(centre), d, '00:00', '23:30', 30, 'IN_PERSON' FROM generate_series(0, 6) d
                        """)
                    // Every other slot of the grid day booked, one in four of those paid.
                    try session.execute(
                        """
                        INSERT INTO appointments (patient_id, clinician_id, centre_id, appointment_type, scheduled_start_at, scheduled_end_at,
                                                  duration_minutes, status, booked_by_user_id, source, notes, is_active)
                        SELECT \(patient), \(clinician), \(centre), 'IN_PERSON',
                               (\(gridDay)::date + make_interval(mins => 60 * h)) AT TIME ZONE 'Asia/Kolkata',
                               (\(gridDay)::date + make_interval(mins => 60 * h + 30)) AT TIME ZONE 'Asia/Kolkata',
                               30, CASE WHEN h % 4 = 0 THEN 'CONFIRMED' ELSE 'BOOKED' END, \(staffUser), 'ADMIN_FRONT_DESK', 'bench-grid', true
                        FROM generate_series(0, 22) h
                        """)
                }
                try session.execute(
                    """
                    INSERT INTO payments (patient_id, appointment_id, provider, order_id, amount, status)
                    SELECT patient_id, id, 'DIRECT', 'bench-' || id, 1600, 'SUCCESS' FROM appointments
                    WHERE centre_id = \(centre) AND status = 'CONFIRMED'
                    """)
                return GridBenchContext(centre: centre, clinicians: clinicians, patient: patient, staffUser: staffUser)
            }
            // Fresh statistics, as autovacuum would have them on a live database.
            try await database.execute("ANALYZE")
            return context
        }

        var actor: StaffActor {
            StaffActor(
                userID: staffUser, fullName: "Bench", username: nil, assignments: [RoleAssignment(role: .frontDesk, centreID: centre)],
                activeCentreID: centre, host: "bench")
        }
    }

    /// A centre-day grid with 50 clinicians: ClinicCore (read + slot generation) beside the same reads raw.
    func availabilityGrid(_ database: Database) async throws -> BenchmarkResult {
        let context = try await GridBenchContext.prepare(database)
        let availability = Availability(database: database)
        let count = max(200, minimumSamples / 4)
        var ours: [Double] = []
        var cells = 0
        for index in 0..<(count + 20) {
            let started = ContinuousClock.now
            let grid = try await availability.dayGrid(for: context.actor, centreID: context.centre, day: GridBenchContext.gridDay)
            if index >= 20 { ours.append(BenchmarkRunner.microseconds(since: started)) }
            cells = grid.rows.reduce(0) { $0 + $1.slots.count }
        }
        let raw = try RawConnection(url: benchmarkURL)
        let queries = AvailabilityReader.statements(
            .init(centreID: context.centre, clinicianIDs: nil, days: GridBenchContext.gridDay...GridBenchContext.gridDay))
        var rawSamples: [Double] = []
        for index in 0..<(count + 20) {
            let started = ContinuousClock.now
            try raw.run("BEGIN")
            for query in queries { _ = try raw.run(query) }
            try raw.run("COMMIT")
            if index >= 20 { rawSamples.append(BenchmarkRunner.microseconds(since: started)) }
        }
        return BenchmarkResult(
            name: "availability-grid (50 clinicians)", latency: Percentiles(ours), rawLatency: Percentiles(rawSamples),
            note: "\(context.clinicians.count) clinicians, \(cells) cells; target p95 ≤ 10 ms")
    }

    /// The desk's whole booking transaction (slot check, insert, history, audit, outbox) at 1, 4 and 16
    /// writers, beside the web's bare INSERT in a transaction.
    func bookingTransaction(writers: Int, _ database: Database) async throws -> BenchmarkResult {
        let context = try await GridBenchContext.prepare(database)
        let perWriter = max(100, minimumSamples / writers)
        let url = benchmarkURL
        let run = Int(UInt32.random(in: 0...UInt32.max) % 40)
        let firstDay = LocalDate(year: 2091, month: 1, day: 1)
        let actor = context.actor

        @Sendable func slot(writer: Int, index: Int, round: Int) -> (clinician: Int64, start: Instant) {
            let clinician = context.clinicians[writer % context.clinicians.count]
            let day = firstDay.adding(days: (run * 2 + round) * 60 + index / 46)
            let start = Instant(date: day, time: LocalTime(hour: (index % 46) / 2, minute: (index % 2) * 30), offsetSeconds: 19_800)
            return (clinician, start)
        }

        func timeWriters(raw: Bool, round: Int) async throws -> (samples: [Double], seconds: Double) {
            try await ConcurrentWriters.run(writers) { writer in
                if raw {
                    let appointments = (0..<perWriter).map { index in
                        let (clinician, start) = slot(writer: writer, index: index, round: round)
                        return NewAppointment(
                            patientID: context.patient, clinicianID: clinician, centreID: context.centre, type: .inPerson, start: start,
                            durationMinutes: 30, bookedByUserID: context.staffUser, source: .adminFrontDesk, patientNotes: "bench")
                    }
                    return try ConcurrentWriters.rawInserts(appointments, url: url)
                }
                let bookings = Bookings(database: Database(url: url, applicationName: "clinic-desk bench"))
                var samples: [Double] = []
                samples.reserveCapacity(perWriter)
                for index in 0..<perWriter {
                    let (clinician, start) = slot(writer: writer, index: index, round: round)
                    let began = ContinuousClock.now
                    _ = try await bookings.book(
                        BookingRequest(
                            patientID: context.patient, clinicianID: clinician, centreID: context.centre, start: start,
                            patientNotes: "bench"),
                        by: actor)
                    samples.append(BenchmarkRunner.microseconds(since: began))
                }
                return samples
            }
        }

        let ours = try await timeWriters(raw: false, round: 0)
        let raw = try await timeWriters(raw: true, round: 1)
        try await database.execute(
            """
            DELETE FROM notifications WHERE (payload_data->>'appointment_id')::bigint IN
                (SELECT id FROM appointments WHERE patient_notes = 'bench')
            """)
        try await database.execute("DELETE FROM appointments WHERE patient_notes = 'bench'")
        return BenchmarkResult(
            name: "booking-transaction ×\(writers) writers", latency: Percentiles(ours.samples), rawLatency: Percentiles(raw.samples),
            throughputPerSecond: Double(ours.samples.count) / ours.seconds,
            note: String(
                format: "raw throughput %.0f/s; target p95 ≤ %d ms", Double(raw.samples.count) / raw.seconds, writers >= 16 ? 25 : 5))
    }
}

extension BenchmarkRunner {
    /// 16 connections making 10,000 mixed operations on one busy day (half the desk's book, reschedule and
    /// cancel, half the web's bare INSERT), then a self-join counts overlapping active appointments (must be 0).
    func bookingMixed(_ database: Database) async throws -> BenchmarkResult {
        let context = try await GridBenchContext.prepare(database)
        let url = benchmarkURL
        let actor = context.actor
        let day = LocalDate(year: 2095, month: 6, day: 1).adding(days: Int(UInt32.random(in: 0...UInt32.max) % 3000))
        let writers = 16
        let perWriter = 10_000 / writers
        let started = ContinuousClock.now
        let counts = try await withThrowingTaskGroup(of: (done: Int, refused: Int, samples: [Double]).self) { group in
            for writer in 0..<writers {
                group.addTask {
                    let database = Database(url: url, applicationName: "clinic-desk bench")
                    let bookings = Bookings(database: database)
                    let changes = AppointmentChanges(database: database)
                    var random = SeededGenerator(seed: UInt64(7_000 + writer))
                    var mine: [Int64] = []
                    var done = 0
                    var refused = 0
                    var samples: [Double] = []
                    for step in 0..<perWriter {
                        // Twenty clinicians on one day, so that writers often collide.
                        let clinician = context.clinicians[Int.random(in: 0..<20, using: &random)]
                        let slot = Int.random(in: 0..<46, using: &random)
                        let start = Instant(date: day, time: LocalTime(hour: slot / 2, minute: slot % 2 * 30), offsetSeconds: 19_800)
                        let began = ContinuousClock.now
                        do {
                            if step % 2 == 1 {
                                let appointment = NewAppointment(
                                    patientID: context.patient, clinicianID: clinician, centreID: context.centre, type: .inPerson,
                                    start: start, durationMinutes: 30, bookedByUserID: context.staffUser, source: .webPatient,
                                    patientNotes: "bench-mixed")
                                try await database.execute(AppointmentStore.insertQuery(appointment))
                            } else {
                                switch Int.random(in: 0..<4, using: &random) {
                                case 0, 1:
                                    mine.append(
                                        try await bookings.book(
                                            BookingRequest(
                                                patientID: context.patient, clinicianID: clinician, centreID: context.centre, start: start,
                                                patientNotes: "bench-mixed"), by: actor
                                        ).appointmentID)
                                case 2:
                                    guard let id = mine.randomElement(using: &random) else { throw BookingError.slotTaken }
                                    try await bookings.reschedule(
                                        id, to: start, clinicianID: clinician, reason: "bench", override: true, by: actor)
                                default:
                                    guard let id = mine.popLast() else { throw BookingError.slotTaken }
                                    try await changes.cancel(id, reason: "bench", override: true, by: actor)
                                }
                            }
                            done += 1
                        } catch is BookingError {
                            refused += 1
                        } catch is AppointmentError {
                            refused += 1
                        } catch let error as DatabaseError where error.sqlState == "23P01" {
                            refused += 1
                        }
                        samples.append(BenchmarkRunner.microseconds(since: began))
                    }
                    return (done, refused, samples)
                }
            }
            var total = (done: 0, refused: 0, samples: [Double]())
            for try await part in group {
                total.done += part.done
                total.refused += part.refused
                total.samples += part.samples
            }
            return total
        }
        let seconds = BenchmarkRunner.seconds(since: started)
        let overlaps: Int64 = try await database.query(
            """
            SELECT count(*) AS n FROM appointments a JOIN appointments b
              ON a.clinician_id = b.clinician_id AND a.id < b.id
             AND a.scheduled_start_at < b.scheduled_end_at AND b.scheduled_start_at < a.scheduled_end_at
            WHERE a.patient_notes = 'bench-mixed' AND b.patient_notes = 'bench-mixed'
              AND desk_occupies_slot(a.is_active, a.status, a.desk_overbook_reason)
              AND desk_occupies_slot(b.is_active, b.status, b.desk_overbook_reason)
            """
        )[0].decode("n")
        try await database.execute(
            """
            DELETE FROM notifications WHERE (payload_data->>'appointment_id')::bigint IN
                (SELECT id FROM appointments WHERE patient_notes = 'bench-mixed')
            """)
        try await database.execute("DELETE FROM appointments WHERE patient_notes = 'bench-mixed'")
        return BenchmarkResult(
            name: "booking-mixed ×16 (10,000 ops)", latency: Percentiles(counts.samples),
            throughputPerSecond: Double(counts.samples.count) / seconds,
            note: "\(counts.done) done, \(counts.refused) refused (taken or not allowed); overlapping active appointments: \(overlaps)")
    }
}
