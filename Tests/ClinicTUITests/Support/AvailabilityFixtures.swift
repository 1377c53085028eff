@testable import ClinicCore
@testable import ClinicTUI

/// A centre's day grid with every cell state, a Devanagari clinician name, and a booking dialog.
enum AvailabilityFixtures {
    static let day = LocalDate(year: 2026, month: 11, day: 26)
    static let centre = CentreInfo(id: 1, name: "Mind Clinic Indiranagar", timezoneName: "Asia/Kolkata")
    static let clinicians = [
        ClinicianInfo(id: 3, userID: 30, name: "Dr. Ananya Iyer", visitMinutes: 50, storedFee: 1700, specializations: ["Psychiatry"]),
        ClinicianInfo(id: 4, userID: 40, name: "डॉ. अनन्या अय्यर", visitMinutes: 30, storedFee: 0, specializations: ["Clinical Psychology"]),
        ClinicianInfo(id: 5, userID: 50, name: "Kavya Hegde", visitMinutes: 30, storedFee: 1200, specializations: ["Counselling"]),
    ]

    static func appointment(
        _ id: Int64, clinician: Int64, _ hour: Int, _ minute: Int, status: AppointmentStatus, paid: Bool, checkedIn: Bool = false
    ) -> BusyAppointment {
        BusyAppointment(
            id: id, clinicianID: clinician, centreID: 1, patientID: id + 100,
            start: DeskFixtures.ist(hour, minute), end: DeskFixtures.ist(hour, minute).adding(minutes: 30), status: status, paid: paid,
            checkedIn: checkedIn, overbookReason: nil)
    }

    static func slots(for clinician: ClinicianInfo, states: [SlotState]) -> [Slot] {
        states.enumerated().map { index, state in
            let minutes = 9 * 60 + index * 30
            let time = LocalTime(hour: minutes / 60, minute: minutes % 60)
            var slot = Slot(
                clinicianID: clinician.id, centreID: 1, start: DeskFixtures.ist(time.hour, time.minute),
                end: DeskFixtures.ist(time.hour, time.minute).adding(minutes: 30), localDate: day, localTime: time, mode: .inPerson,
                state: state)
            switch state {
            case .bookedUnpaid:
                slot.appointment = appointment(Int64(index), clinician: clinician.id, time.hour, time.minute, status: .booked, paid: false)
            case .paid:
                slot.appointment = appointment(
                    Int64(index), clinician: clinician.id, time.hour, time.minute, status: .confirmed, paid: true)
            case .checkedIn:
                slot.appointment = appointment(
                    Int64(index), clinician: clinician.id, time.hour, time.minute, status: .confirmed, paid: true, checkedIn: true)
            case .inSession:
                slot.appointment = appointment(
                    Int64(index), clinician: clinician.id, time.hour, time.minute, status: .inProgress, paid: true)
            default: break
            }
            return slot
        }
    }

    static var grid: DayGrid {
        DayGrid(
            centre: centre, day: day, now: DeskFixtures.now,
            rows: [
                ClinicianRow(
                    clinician: clinicians[0],
                    slots: slots(for: clinicians[0], states: [.past, .completed, .inSession, .paid, .free, .free, .blocked, .tooShort])),
                ClinicianRow(
                    clinician: clinicians[1],
                    slots: slots(for: clinicians[1], states: [.past, .past, .checkedIn, .free, .bookedUnpaid, .free, .free, .free])),
                ClinicianRow(
                    clinician: clinicians[2],
                    slots: slots(for: clinicians[2], states: [.past, .busyElsewhere, .free, .free, .free, .blocked, .blocked, .free])),
            ])
    }

    static func state(size: (Int, Int)) -> AppState {
        var state = DeskFixtures.working(size: size)
        state.screen = .availability
        state.availability.centreID = 1
        state.availability.day = day
        state.availability.grid = GridData(day: grid)
        state.availability.row = 1
        state.availability.column = 3
        return state
    }

    static func bookingDialog(size: (Int, Int)) -> AppState {
        var state = self.state(size: size)
        let slot = grid.rows[1].slots[3]
        state.availability.booking = BookingDialogState(
            patientID: 5, patientName: "Priya Sharma", slot: slot, clinician: clinicians[1], centreName: centre.name, type: .inPerson)
        return state
    }
}
