/// Everything slot generation needs for some clinicians over some days, read in one go.
public struct AvailabilitySnapshot: Sendable {
    /// The database clock when it was read.
    public var now: Instant
    /// Centres by id (their time zones).
    public var centres: [Int64: CentreInfo]
    /// Clinicians by id.
    public var clinicians: [Int64: ClinicianInfo]
    public var rules: [AvailabilityRule] { didSet { reindex() } }
    public var blocks: [BlockedInterval] { didSet { reindex() } }
    /// Appointments that hold or show in a slot (active ones, overbooks included).
    public var appointments: [BusyAppointment] { didSet { reindex() } }
    /// The same rules, blocks and appointments by clinician: a grid generates slots per clinician, and
    /// filtering the whole arrays each time cost more than generating.
    private(set) var byClinician: [Int64: ClinicianItems] = [:]

    /// A snapshot from its parts.
    public init(
        now: Instant, centres: [Int64: CentreInfo], clinicians: [Int64: ClinicianInfo], rules: [AvailabilityRule],
        blocks: [BlockedInterval], appointments: [BusyAppointment]
    ) {
        self.now = now
        self.centres = centres
        self.clinicians = clinicians
        self.rules = rules
        self.blocks = blocks
        self.appointments = appointments
        reindex()
    }

    /// One clinician's part of the snapshot.
    func items(of clinicianID: Int64) -> ClinicianItems { byClinician[clinicianID] ?? ClinicianItems() }

    private mutating func reindex() {
        var index: [Int64: ClinicianItems] = [:]
        for rule in rules { index[rule.clinicianID, default: ClinicianItems()].rules.append(rule) }
        for block in blocks { index[block.clinicianID, default: ClinicianItems()].blocks.append(block) }
        for appointment in appointments { index[appointment.clinicianID, default: ClinicianItems()].appointments.append(appointment) }
        byClinician = index
    }
}

/// A clinician's rules, blocks and appointments within a snapshot.
struct ClinicianItems: Sendable {
    var rules: [AvailabilityRule] = []
    var blocks: [BlockedInterval] = []
    var appointments: [BusyAppointment] = []
}

/// A centre and its time zone.
public struct CentreInfo: Sendable, Hashable {
    public var id: Int64
    public var name: String
    /// `centres.timezone` as stored.
    public var timezoneName: String
    public var zone: CentreZone

    /// A centre as read.
    public init(id: Int64, name: String, timezoneName: String) {
        self.id = id
        self.name = name
        self.timezoneName = timezoneName
        self.zone = CentreZone(named: timezoneName)
    }

    /// A warning when the web (which assumes +05:30 everywhere) shows this centre's slots at other times.
    public var zoneWarning: String? {
        guard !zone.isIndia else { return nil }
        return
            "\(name) is in time zone \(timezoneName); the web booking site assumes India time (+05:30) and shows this centre's slots at the wrong times."
    }
}

/// A clinician as booking needs them.
public struct ClinicianInfo: Sendable, Hashable {
    public var id: Int64
    public var userID: Int64
    public var name: String
    /// `default_consultation_duration_minutes`: the length the web books, and so the desk.
    public var visitMinutes: Int
    /// The fee the web charges: `consultation_fee` in whole rupees, 500 when it is 0 or NULL.
    public var fee: Money
    /// `specialization` (a jsonb array).
    public var specializations: [String]

    /// A clinician as read; `storedFee` is `consultation_fee` as stored (whole rupees or NULL).
    public init(id: Int64, userID: Int64, name: String, visitMinutes: Int, storedFee: Int64?, specializations: [String]) {
        self.id = id
        self.userID = userID
        self.name = name
        self.visitMinutes = visitMinutes
        self.fee = ClinicianInfo.webFee(storedFee)
        self.specializations = specializations
    }

    /// The web's fallback: 500 rupees when the stored fee is 0 or NULL.
    public static func webFee(_ storedRupees: Int64?) -> Money {
        guard let storedRupees, storedRupees > 0 else { return Money(rupees: 500) }
        return Money(rupees: storedRupees)
    }
}

/// A time a clinician may not be booked at a centre: a `blocked_slots` row still blocked, or an old
/// `clinician_slot_exceptions` row, as instants.
public struct BlockedInterval: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case blockedSlot(id: Int64)
        case slotException(id: Int64)
    }

    public var clinicianID: Int64
    public var centreID: Int64
    public var start: Instant
    public var end: Instant
    public var reason: String?
    public var source: Source

    /// An interval as converted from the stored local date and times.
    public init(clinicianID: Int64, centreID: Int64, start: Instant, end: Instant, reason: String?, source: Source) {
        self.clinicianID = clinicianID
        self.centreID = centreID
        self.start = start
        self.end = end
        self.reason = reason
        self.source = source
    }
}

/// An active appointment as the grid shows it.
public struct BusyAppointment: Sendable, Hashable {
    public var id: Int64
    public var clinicianID: Int64
    public var centreID: Int64
    /// The patient (names are looked up for the one cell selected: a busy centre-day has a thousand).
    public var patientID: Int64
    public var start: Instant
    public var end: Instant
    public var status: AppointmentStatus
    /// A SUCCESS payment exists.
    public var paid: Bool
    public var checkedIn: Bool
    /// Set for a manager's overbook (it does not hold the slot).
    public var overbookReason: String?

    /// An appointment as read.
    public init(
        id: Int64, clinicianID: Int64, centreID: Int64, patientID: Int64, start: Instant, end: Instant,
        status: AppointmentStatus, paid: Bool, checkedIn: Bool, overbookReason: String?
    ) {
        self.id = id
        self.clinicianID = clinicianID
        self.centreID = centreID
        self.patientID = patientID
        self.start = start
        self.end = end
        self.status = status
        self.paid = paid
        self.checkedIn = checkedIn
        self.overbookReason = overbookReason
    }

    /// Whether it keeps the clinician's time from other bookings (THE overlap predicate,
    /// `desk_occupies_slot` in schema.sql; the snapshot holds only active rows).
    public var holdsSlot: Bool {
        overbookReason == nil && ![.cancelled, .cancelledByAdmin, .noShow].contains(status)
    }
}
