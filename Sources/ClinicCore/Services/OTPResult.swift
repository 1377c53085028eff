/// What the desk tells the receptionist after a code was queued for WhatsApp delivery.
public struct OTPSendReceipt: Sendable, Equatable {
    /// The phone the code goes to, masked as `PhoneNumber.masked` does ("98•••••345").
    public var maskedPhone: String
    /// True when the code goes to the household holder's phone, not the patient's own.
    public var isHolderPhone: Bool
    /// When the code stops working (database clock: sent + 10 minutes).
    public var expiresAt: Instant
    /// Wrong tries left on this code (5 for a new one).
    public var attemptsLeft: Int
    /// When another code may be sent to this phone (now when fewer than 3 went out in 5 minutes).
    public var nextSendAllowedAt: Instant
    /// The database's clock when the code was stored, for countdowns.
    public var sentAt: Instant
    /// The `notifications` row that carries the message.
    public var notificationID: Int64
}

/// The result of checking a code the patient read out.
public enum OTPVerifyOutcome: Sendable, Equatable {
    /// The code matched; the phone is verified and the code is used up.
    case verified
    /// The code did not match; `attemptsLeft` more tries on this code (0: send a new one).
    case wrongCode(attemptsLeft: Int)
    /// The latest code is older than 10 minutes: send a new one.
    case expired
    /// No unused code was sent to this phone (or it was replaced or used): send one.
    case noActiveCode
    /// Five wrong tries were made on this code: send a new one.
    case tooManyAttempts

    /// The outcome in plain words for the receptionist.
    public var sentence: String {
        switch self {
        case .verified: return "Verified: the patient has this phone."
        case .wrongCode(let left) where left > 0:
            return "That code is not right. \(left) \(left == 1 ? "try" : "tries") left."
        case .wrongCode: return "That code is not right, and no tries are left. Send a new code."
        case .expired: return "That code has expired (codes last 10 minutes). Send a new code."
        case .noActiveCode: return "No code is waiting for this phone. Send a code first."
        case .tooManyAttempts: return "Five wrong codes were tried. Send a new code."
        }
    }
}

/// Who proved that a phone belongs to the patient, and when.
public struct PhoneVerification: Sendable, Equatable {
    /// Where the code was checked.
    public enum Source: String, Sendable, Equatable {
        case desk = "DESK"
        case web = "WEB"
    }

    /// When the code was checked.
    public var verifiedAt: Instant
    /// Desk or web sign-in.
    public var source: Source
    /// The desk user who checked it (nil for the web).
    public var verifiedByUserID: Int64?
}

/// The OTP state of a patient's contact phone, for the OTP dialog (no code, ever).
public struct OTPStatus: Sendable, Equatable {
    /// The contact phone, masked; nil when the patient has none.
    public var maskedPhone: String?
    /// True when the contact phone is the household holder's.
    public var isHolderPhone: Bool
    /// The database's clock now, for countdowns.
    public var now: Instant
    /// Expiry of the latest unused, unexpired code (nil when none is active).
    public var activeCodeExpiresAt: Instant?
    /// Tries left on the active code (0 when none).
    public var attemptsLeft: Int
    /// Codes sent to this phone in the last 5 minutes, desk and web together.
    public var sendsInLastFiveMinutes: Int
    /// When another code may be sent (equal to `now` or earlier when allowed now).
    public var nextSendAllowedAt: Instant
    /// The latest proof that the contact phone is theirs, desk or web, if any.
    public var verification: PhoneVerification?
    /// The delivery state of the latest OTP message ("QUEUED", "SENT", "FAILED"), if any.
    public var latestDeliveryStatus: String?

    /// True when a new code may be sent now.
    public var canSendNow: Bool { nextSendAllowedAt <= now }
}

/// What the desk offers once a patient with a legacy 10-digit phone has verified it.
public enum PhoneConversionOffer: Sendable, Equatable {
    /// Store the phone as `91XXXXXXXXXX`, so the web's OTP sign-in finds this account.
    case convertToWebFormat
    /// The web already has an account for this number (patient `otherPatientID`): merge instead.
    case mergeWithWebAccount(otherPatientID: Int64)
}
