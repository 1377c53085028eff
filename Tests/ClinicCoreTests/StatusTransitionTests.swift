import ClinicCore
import Testing

@Suite("status transition table")
struct StatusTransitionTests {
    @Test("final statuses allow nothing; RESCHEDULED acts as CONFIRMED when paid and BOOKED when not; PENDING as BOOKED")
    func finalAndAliases() {
        for status in [AppointmentStatus.cancelled, .cancelledByAdmin, .noShow, .completed] {
            for paid in [false, true] {
                #expect(StatusTransitions.reachable(from: status, paid: paid).isEmpty, "\(status)")
            }
        }
        #expect(StatusTransitions.target(of: .start, from: .rescheduled, paid: true) == .inProgress)
        #expect(StatusTransitions.target(of: .start, from: .rescheduled, paid: false) == nil)
        #expect(StatusTransitions.target(of: .confirm, from: .rescheduled, paid: false) == .confirmed)
        #expect(StatusTransitions.target(of: .releaseHold, from: .pending, paid: false) == .cancelled)
        #expect(StatusTransitions.target(of: .reschedule, from: .rescheduled, paid: true) == .rescheduled)
    }

    @Test("every action from every status (paid and unpaid) matches the table written out by hand")
    func wholeTable() {
        // Effective status → actions allowed, written independently of the implementation.
        let expected: [AppointmentStatus: Set<AppointmentAction>] = [
            .booked: [.confirm, .checkIn, .markNoShow, .cancel, .releaseHold, .cancelForLeave, .reschedule],
            .confirmed: [.checkIn, .start, .markNoShow, .cancel, .cancelForLeave, .reschedule],
            .inProgress: [.complete, .cancel],
            .cancellationRequested: [.approveCancellationRequest, .declineCancellationRequest, .cancelForLeave],
        ]
        for status in AppointmentStatus.allCases {
            for paid in [false, true] {
                let effective = status.effective(paid: paid)
                let allowed = status.isFinal ? [] : (expected[effective] ?? [])
                for action in AppointmentAction.allCases {
                    let target = StatusTransitions.target(of: action, from: status, paid: paid)
                    #expect((target != nil) == allowed.contains(action), "\(action) from \(status) paid=\(paid)")
                }
            }
        }
    }

    @Test("targets: cancel → CANCELLED, leave → CANCELLED_BY_ADMIN, decline → CONFIRMED if paid else BOOKED, start/complete")
    func targets() {
        #expect(StatusTransitions.target(of: .cancel, from: .confirmed, paid: true) == .cancelled)
        #expect(StatusTransitions.target(of: .cancelForLeave, from: .booked, paid: false) == .cancelledByAdmin)
        #expect(StatusTransitions.target(of: .declineCancellationRequest, from: .cancellationRequested, paid: true) == .confirmed)
        #expect(StatusTransitions.target(of: .declineCancellationRequest, from: .cancellationRequested, paid: false) == .booked)
        #expect(StatusTransitions.target(of: .approveCancellationRequest, from: .cancellationRequested, paid: false) == .cancelled)
        #expect(StatusTransitions.target(of: .start, from: .confirmed, paid: true) == .inProgress)
        #expect(StatusTransitions.target(of: .complete, from: .inProgress, paid: true) == .completed)
        #expect(StatusTransitions.target(of: .markNoShow, from: .booked, paid: false) == .noShow)
        #expect(StatusTransitions.target(of: .checkIn, from: .confirmed, paid: true) == .confirmed)
        #expect(StatusTransitions.target(of: .cancel, from: .cancellationRequested, paid: true) == nil)
    }
}
