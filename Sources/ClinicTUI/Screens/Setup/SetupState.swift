import ClinicCore

/// Hours & leave (F5): leave and holidays with the visits they cover, a clinician's weekly hours, and
/// the policies every desk applies.
struct SetupState: Equatable, Sendable {
    enum Section: Equatable, Sendable, CaseIterable {
        case leave
        case hours
        case policies

        var title: String {
            switch self {
            case .leave: return "Leave & holidays"
            case .hours: return "Weekly hours"
            case .policies: return "Policies"
            }
        }
    }

    /// A leave or holiday being typed.
    struct LeaveForm: Equatable, Sendable {
        var form: FieldForm
        var isHoliday: Bool
    }

    /// The visits a leave covers, each to keep, move or cancel.
    struct Covered: Equatable, Sendable {
        var leave: LeaveSummary
        var entries: [QueueEntry]
        var table = TableView()
        /// The visit "cancel this visit?" is asked about (kept by id: the list may be read again meanwhile).
        var cancelCandidate: QueueEntry?
    }

    var section: Section = .leave
    /// A change or the hours preview is on its way: keys that would send another, or leave the section,
    /// wait for it.
    var isBusy = false

    var leaves: [LeaveSummary]?
    var leaveTable = TableView()
    var leaveForm: LeaveForm?
    /// Asking "lift this?".
    var liftCandidate: LeaveSummary?
    /// `r` with hours changed and not saved: asked before they are thrown away.
    var isAskingToDropHours = false
    var covered: Covered?

    var clinicians: [ClinicianChoice] = []
    var clinicianID: Int64?
    /// The clinician's windows as edited here (nil until read).
    var windows: [WeeklyRules.Window]?
    /// As stored, to tell whether anything is unsaved.
    var savedWindows: [WeeklyRules.Window] = []
    var windowTable = TableView()
    var windowForm: FieldForm?
    /// Centre names for the hours' centre column (hours may be at centres this desk does not work at).
    var centreNames: [Int64: String] = [:]
    /// What saving would do; `y` applies it.
    var preview: WeeklyRules.Preview?

    var policies: DeskPolicies?
    var policyForm: FieldForm?

    var selectedLeave: LeaveSummary? { leaves?[safe: leaveTable.selectedRow] }
    var clinicianName: String? { clinicians.first { $0.id == clinicianID }?.name }
    var hasUnsavedHours: Bool { windows.map { Set($0) != Set(savedWindows) } ?? false }
}

/// What the Hours & leave screen asks ClinicCore for.
enum SetupRequest: Equatable, Sendable {
    case loadLeaves(centreID: Int64)
    case addLeave(clinicianID: Int64, from: LocalDate, to: LocalDate, reason: String)
    case addHoliday(centreID: Int64, from: LocalDate, to: LocalDate, reason: String)
    case liftLeave(leaveID: Int64)
    case loadCovered(LeaveSummary)
    case resolveCovered(LeaveSummary, appointmentID: Int64, cancel: Bool)
    case loadHours(centreID: Int64, clinicianID: Int64?)
    case previewHours(clinicianID: Int64, windows: [WeeklyRules.Window])
    case applyHours(clinicianID: Int64, windows: [WeeklyRules.Window], acceptStranded: Bool)
    case loadPolicies
    case savePolicies(DeskPolicies)
}

/// What came back.
enum SetupResult: Equatable, Sendable {
    case leaves([LeaveSummary], clinicians: [ClinicianChoice])
    case leaveAdded(LeaveResult, LeaveSummary?)
    case covered(LeaveSummary, [QueueEntry])
    case hours(clinicians: [ClinicianChoice], clinicianID: Int64?, windows: [WeeklyRules.Window], centreNames: [Int64: String] = [:])
    case hoursPreview(WeeklyRules.Preview)
    case hoursApplied(WeeklyRules.Preview)
    case policies(DeskPolicies)
    /// A change went through; the section reads itself again.
    case done(UserMessageLine)
    case failed(UserMessageLine)
}
