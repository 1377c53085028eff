import ClinicCore

/// A grid cell's words and style: readable without colour (NO_COLOR), coloured where there is colour.
enum SlotLabel {
    static func text(_ state: SlotState) -> String {
        switch state {
        case .free: return "free"
        case .bookedUnpaid: return "book"
        case .paid: return "paid"
        case .checkedIn: return "in"
        case .inSession: return "sess"
        case .completed: return "done"
        case .blocked: return "blkd"
        case .busyElsewhere: return "away"
        case .tooShort: return "–"
        case .past: return "past"
        }
    }

    static func style(_ state: SlotState) -> StyleRole {
        switch state {
        case .free: return .slotFree
        case .bookedUnpaid: return .slotBooked
        case .paid: return .slotPaid
        case .checkedIn, .inSession: return .slotCheckedIn
        case .blocked, .busyElsewhere: return .slotBlocked
        case .completed, .past, .tooShort: return .muted
        }
    }

    /// A sentence about a cell for the line under the grid.
    static func describe(_ slot: Slot, clinician: ClinicianInfo, patientName: String? = nil) -> String {
        let when = "\(clinician.name), \(DisplayDate.short(slot.localDate)) \(DisplayDate.clock(slot.localTime))"
        let overbook = slot.hasOverbook ? " (+ overbook)" : ""
        switch slot.state {
        case .free: return "\(when): free for a \(clinician.visitMinutes)-minute visit, fee \(clinician.fee)."
        case .bookedUnpaid, .paid, .checkedIn, .inSession, .completed:
            let who = patientName ?? "a patient"
            let what: String
            switch slot.state {
            case .paid: what = "booked and paid"
            case .checkedIn: what = "checked in"
            case .inSession: what = "in session"
            case .completed: what = "completed"
            default: what = "booked, not paid"
            }
            return "\(when): \(who), \(what)\(overbook)."
        case .blocked: return "\(when): blocked (leave, holiday or a blocked slot)."
        case .busyElsewhere: return "\(when): booked at another centre."
        case .tooShort: return "\(when): a \(clinician.visitMinutes)-minute visit would not fit here\(overbook)."
        case .past: return "\(when): already past."
        }
    }

    static let legend = "free · book unpaid · paid · in checked in · sess in session · blkd blocked · away other centre · – no room"
    /// For narrow screens: the self-explaining labels left out (the line under the grid describes any cell).
    static let shortLegend = "book unpaid · in checked in · sess in session · blkd blocked · away elsewhere"

    /// The legend that fits `width` columns.
    static func legend(fitting width: Int) -> String { DisplayWidth.of(legend) <= width ? legend : shortLegend }
}
