/// `clinician_availability_rules.mode`: how the clinician sees patients in that window.
public enum ConsultationMode: String, Sendable, CaseIterable, Hashable {
    case inPerson = "IN_PERSON"
    case online = "ONLINE"

    /// The appointment type a slot of this mode books by default.
    public var appointmentType: AppointmentType { self == .online ? .online : .inPerson }
}
