/// Something a staff member may or may not do at the desk; `PermissionTable` says which roles may.
///
/// The raw value is a stable identifier (for logs and tests); `description` is the plain-words verb
/// phrase that messages and the README table use.
public enum Permission: String, CaseIterable, Sendable, CustomStringConvertible {
    // MARK: - The patient directory (chain-wide)
    case searchPatients = "patients.search"
    case registerPatient = "patients.register"
    case editPatientContact = "patients.edit-contact"
    case verifyPatientPhone = "patients.otp"
    case mergePatients = "patients.merge"

    // MARK: - The desk's daily work (at a centre)
    case viewDaySchedule = "schedule.view-day"
    case bookAppointment = "appointments.book"
    case checkIn = "appointments.check-in"
    case markNoShow = "appointments.no-show"
    case rescheduleAhead = "appointments.reschedule-ahead"
    case cancelAhead = "appointments.cancel-ahead"
    case sendPaymentLink = "payments.send-link"
    case takeDeskPayment = "payments.take-at-desk"

    // MARK: - Centre management (at a centre)
    case rescheduleWithin24Hours = "appointments.reschedule-within-24h"
    case cancelWithin24Hours = "appointments.cancel-within-24h"
    case approveCancellationRequest = "appointments.approve-cancellation"
    case overbook = "appointments.overbook"
    case releaseStaleHolds = "appointments.release-stale-holds"
    case refundPayment = "payments.refund"
    case manageLeave = "availability.leave"
    case manageHolidays = "availability.holidays"
    case manageAvailabilityRules = "availability.rules"
    case viewReports = "reports.view"
    case viewAuditLog = "audit.view"

    // MARK: - Staff administration (chain-wide)
    case administerStaff = "staff.administer"

    // MARK: - A clinician's own record
    case viewOwnSchedule = "clinician.own-schedule"
    case startSession = "clinician.start-session"
    case completeSession = "clinician.complete-session"
    case readClinicalNotes = "clinician.clinical-notes"

    /// Where the permission applies: the whole chain, one centre, or the clinician's own record.
    public var scope: PermissionScope {
        switch self {
        case .searchPatients, .registerPatient, .editPatientContact, .verifyPatientPhone, .mergePatients,
            .administerStaff:
            return .chainWide
        case .viewDaySchedule, .bookAppointment, .checkIn, .markNoShow, .rescheduleAhead, .cancelAhead,
            .sendPaymentLink, .takeDeskPayment, .rescheduleWithin24Hours, .cancelWithin24Hours,
            .approveCancellationRequest, .overbook, .releaseStaleHolds, .refundPayment, .manageLeave,
            .manageHolidays, .manageAvailabilityRules, .viewReports, .viewAuditLog:
            return .centre
        case .viewOwnSchedule, .startSession, .completeSession, .readClinicalNotes:
            return .ownClinicianRecord
        }
    }

    /// The action in plain words, as a verb phrase: "refund payments".
    public var description: String {
        switch self {
        case .searchPatients: return "search the patient directory"
        case .registerPatient: return "register new patients"
        case .editPatientContact: return "edit patients' contact details"
        case .verifyPatientPhone: return "send and check a patient's OTP"
        case .mergePatients: return "merge duplicate patients"
        case .viewDaySchedule: return "see the centre's day schedule"
        case .bookAppointment: return "book appointments"
        case .checkIn: return "check patients in"
        case .markNoShow: return "mark no-shows"
        case .rescheduleAhead: return "reschedule appointments more than 24 hours ahead"
        case .cancelAhead: return "cancel appointments more than 24 hours ahead"
        case .sendPaymentLink: return "send payment links"
        case .takeDeskPayment: return "take payments at the desk"
        case .rescheduleWithin24Hours: return "reschedule appointments less than 24 hours ahead"
        case .cancelWithin24Hours: return "cancel appointments less than 24 hours ahead"
        case .approveCancellationRequest: return "approve patients' cancellation requests"
        case .overbook: return "overbook a clinician"
        case .releaseStaleHolds: return "release stale slot holds"
        case .refundPayment: return "refund payments"
        case .manageLeave: return "record clinicians' leave"
        case .manageHolidays: return "set centre holidays"
        case .manageAvailabilityRules: return "change availability rules"
        case .viewReports: return "see reports"
        case .viewAuditLog: return "see the audit log"
        case .administerStaff: return "add, disable and reset staff accounts"
        case .viewOwnSchedule: return "see their own schedule"
        case .startSession: return "start their own session"
        case .completeSession: return "complete their own session"
        case .readClinicalNotes: return "read clinical notes of their own patients"
        }
    }
}

/// Where a permission applies.
public enum PermissionScope: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Anywhere in the chain (the patient directory, staff administration).
    case chainWide
    /// At one centre: only a centre the staff member's role reaches.
    case centre
    /// Only on the clinician's own appointments and sessions.
    case ownClinicianRecord

    /// The scope in the README table's words.
    public var description: String {
        switch self {
        case .chainWide: return "whole chain"
        case .centre: return "their centres"
        case .ownClinicianRecord: return "own record"
        }
    }
}
