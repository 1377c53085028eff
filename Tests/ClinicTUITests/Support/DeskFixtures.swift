import ClinicCore

@testable import ClinicTUI

/// Ready-made states for update and snapshot tests: no terminal, no database.
enum DeskFixtures {
    /// 2026-11-26 10:07 IST.
    static let now = Instant(date: LocalDate(year: 2026, month: 11, day: 26), time: LocalTime(hour: 10, minute: 7), offsetSeconds: 19_800)

    static let indiranagar = CentreChoice(
        id: 1, name: "Mibo Mind Clinic – Indiranagar", city: "bengaluru",
        timeZone: "Asia/Kolkata", offsetSeconds: 19_800)
    static let kadavanthra = CentreChoice(
        id: 2, name: "Mibo Mind Clinic – Kadavanthra", city: "kochi",
        timeZone: "Asia/Kolkata", offsetSeconds: 19_800)

    static func actor(role: StaffRole = .frontDesk, centres: [Int64] = [1]) -> StaffActor {
        StaffActor(
            userID: 7, fullName: "Lakshmi Narayan", username: "frontdesk.blr",
            assignments: centres.map { RoleAssignment(role: role, centreID: $0) }, clinicianID: nil, activeCentreID: centres.first,
            host: "desk-pc-1")
    }

    static func session(centres: [CentreChoice] = [indiranagar]) -> DeskSession {
        DeskSession(actor: actor(centres: centres.map(\.id)), centres: centres, centre: centres[0])
    }

    static func ist(_ hour: Int, _ minute: Int) -> Instant {
        Instant(date: LocalDate(year: 2026, month: 11, day: 26), time: LocalTime(hour: hour, minute: minute), offsetSeconds: 19_800)
    }

    static func entry(
        _ id: Int64, _ hour: Int, _ minute: Int, patient: String, clinician: String, status: String,
        payment: PaymentState, minutes: Int = 50
    ) -> ScheduleEntry {
        ScheduleEntry(
            appointmentID: id, start: ist(hour, minute), end: ist(hour, minute).adding(minutes: minutes),
            localStart: LocalTime(hour: hour, minute: minute), patientName: patient, patientPhone: "919845012345",
            patientID: id + 100, clinicianName: clinician, clinicianID: 3, status: status, paymentState: payment,
            type: "IN_PERSON", source: "WEB_PATIENT")
    }

    static let entries: [ScheduleEntry] = [
        entry(1, 9, 0, patient: "Priya Sharma", clinician: "Dr. Ananya Iyer", status: "COMPLETED", payment: .paid),
        entry(2, 9, 50, patient: "प्रिया शर्मा", clinician: "Dr. Ananya Iyer", status: "IN_PROGRESS", payment: .paid),
        entry(3, 10, 40, patient: "അനിൽ കുമാർ", clinician: "Kavya Hegde", status: "CONFIRMED", payment: .paid, minutes: 45),
        entry(4, 11, 30, patient: "Mohammed Rafiq", clinician: "Dr. Ananya Iyer", status: "BOOKED", payment: .linkSent),
        entry(5, 12, 0, patient: "Sneha Kulkarni", clinician: "Dr. Rahul Reddy", status: "CANCELLED", payment: .refunded),
        entry(6, 14, 0, patient: "Gurpreet Singh Dhillon", clinician: "Kavya Hegde", status: "BOOKED", payment: .unpaid),
        entry(7, 15, 15, patient: "Fatima Begum", clinician: "Dr. Rahul Reddy", status: "NO_SHOW", payment: .unpaid),
    ]

    /// Signed in, working at Indiranagar, today's appointments loaded.
    static func working(size: (Int, Int) = (80, 24)) -> AppState {
        var state = AppState()
        state.size = size
        state.now = now
        state.lastInputAt = now
        state.phase = .working
        state.session = session()
        state.today.snapshot = TodaySnapshot(day: LocalDate(year: 2026, month: 11, day: 26), entries: entries)
        return state
    }

    static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.size.width, height: state.size.height)
        DeskRender.render(state, into: &buffer)
        return buffer
    }
}
