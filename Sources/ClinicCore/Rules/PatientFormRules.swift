/// The registration and edit form's rules, pure: what is missing or wrong, in a receptionist's words.
public enum PatientFormRules {
    /// The longest first or last name the web's columns hold.
    public static let maximumNameLength = 100
    /// The oldest plausible age; an earlier birth date is a typo.
    public static let maximumAge = 130

    /// One sentence per field with a problem; empty when the form can be saved.
    /// - Parameter today: the centre's date (IST) for "not in the future".
    public static func problems(in form: PatientRegistration, today: LocalDate) -> [PatientField: String] {
        var problems: [PatientField: String] = [:]
        let first = form.firstName.trimmingCharacters()
        let last = form.lastName.trimmingCharacters()
        if first.isEmpty {
            problems[.firstName] = "Type the first name."
        } else if first.count > maximumNameLength {
            problems[.firstName] = "The first name is too long (at most \(maximumNameLength) letters)."
        }
        if last.isEmpty {
            problems[.lastName] = "Type the last name."
        } else if last.count > maximumNameLength {
            problems[.lastName] = "The last name is too long (at most \(maximumNameLength) letters)."
        }
        let phone = form.phone.trimmingCharacters()
        if form.householdHolderPatientID != nil {
            if !phone.isEmpty {
                problems[.household] =
                    "A patient with a phone of their own is not added to a family member's phone: clear one of the two."
            }
        } else if phone.isEmpty {
            problems[.phone] = "Type a mobile number, or add the patient to a family member's phone."
        }
        if !phone.isEmpty, let message = phoneProblem(String(phone)) {
            problems[.phone] = message
        }
        let email = form.email.trimmingCharacters()
        if !email.isEmpty, let message = emailProblem(String(email)) {
            problems[.email] = message
        }
        if let birth = form.dateOfBirth, let message = dateOfBirthProblem(birth, today: today) {
            problems[.dateOfBirth] = message
        }
        if form.gender.trimmingCharacters().count > 20 {
            problems[.gender] = "Write the gender in at most 20 letters (Female, Male, Other)."
        }
        if form.emergencyContactName.trimmingCharacters().count > 150 {
            problems[.emergencyContactName] = "The emergency contact's name is too long (at most 150 letters)."
        }
        let emergencyPhone = form.emergencyContactPhone.trimmingCharacters()
        if !emergencyPhone.isEmpty, let message = phoneProblem(String(emergencyPhone)) {
            problems[.emergencyContactPhone] = message
        }
        return problems
    }

    /// Why `typed` is not an Indian mobile number, or nil when it is one.
    public static func phoneProblem(_ typed: String) -> String? {
        do {
            _ = try PhoneNumber(parsing: typed)
            return nil
        } catch {
            return error.description
        }
    }

    /// Why `typed` is not a usable e-mail address, or nil.
    public static func emailProblem(_ typed: String) -> String? {
        if typed.count > 255 { return "That e-mail address is too long." }
        if typed.contains(where: { $0.isWhitespace }) { return "An e-mail address has no spaces." }
        let parts = typed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty else {
            return "That email address is not complete."
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let top = labels.last, top.count >= 2 else {
            return "That email address is not complete."
        }
        return nil
    }

    /// Why `birth` cannot be a date of birth on `today`, or nil.
    public static func dateOfBirthProblem(_ birth: LocalDate, today: LocalDate) -> String? {
        if birth > today { return "Date of birth cannot be in the future." }
        let years = age(born: birth, on: today)
        if years > maximumAge { return "Check the year of birth: that would make the patient \(years) years old." }
        return nil
    }

    /// Whole years from `born` to `day` (a birthday counts on the day itself; 29 February on 1 March).
    public static func age(born: LocalDate, on day: LocalDate) -> Int {
        var years = day.year - born.year
        if (day.month, day.day) < (born.month, born.day) { years -= 1 }
        return max(years, 0)
    }
}
