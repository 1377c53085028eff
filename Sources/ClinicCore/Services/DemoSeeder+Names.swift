// Indian names as a real clinic register has them: regional pools where a few names are very
// common, popular combinations that repeat, and some names written in Devanagari or Malayalam script.

extension DemoSeeder {
    /// First names by gender and surnames of one region or community; earlier entries are commoner.
    struct NamePool: Sendable {
        var female: [String]
        var male: [String]
        var surnames: [String]
    }

    /// Kannada, Malayalam, Tamil, Telugu, Marathi, Hindi, Bengali, Gujarati, Punjabi, Muslim and
    /// Christian names, with the share of patients each pool supplies (per mille).
    static let latinPools: [NamePool] = [
        NamePool(
            female: ["Kavya", "Shruti", "Deepa", "Rashmi", "Sahana", "Bhavya", "Spoorthi", "Nandini", "Pallavi"],
            male: ["Manjunath", "Praveen", "Karthik", "Raghavendra", "Santosh", "Vinay", "Harish", "Prajwal", "Naveen"],
            surnames: ["Gowda", "Hegde", "Shetty", "Rao", "Bhat", "Naik", "Murthy", "Shenoy", "Kamath", "Acharya"]),
        NamePool(
            female: ["Anjali", "Lakshmi", "Aswathy", "Divya", "Sreelakshmi", "Arya", "Gayathri", "Parvathy", "Nimisha"],
            male: ["Arjun", "Vishnu", "Akhil", "Sreejith", "Anoop", "Midhun", "Jithin", "Ajith", "Unnikrishnan"],
            surnames: ["Nair", "Menon", "Pillai", "Kurup", "Panicker", "Nambiar", "Warrier", "Kartha", "Thampi"]),
        NamePool(
            female: ["Priya", "Keerthana", "Revathi", "Sangeetha", "Janani", "Kaviya", "Meenakshi", "Abirami"],
            male: ["Senthil", "Arun", "Vignesh", "Saravanan", "Murugan", "Balaji", "Dinesh", "Gokul"],
            surnames: [
                "Iyer", "Subramanian", "Krishnan", "Raman", "Venkatesh", "Sundaram", "Natarajan", "Ramasamy",
                "Iyengar",
            ]),
        NamePool(
            female: ["Sravani", "Lavanya", "Swathi", "Harika", "Madhavi", "Sirisha", "Bhargavi"],
            male: ["Srinivas", "Venkat", "Naresh", "Ravi", "Chaitanya", "Mahesh", "Srikanth", "Pavan"],
            surnames: ["Reddy", "Naidu", "Chowdary", "Varma", "Raju", "Goud", "Prasad", "Rao"]),
        NamePool(
            female: ["Sneha", "Pooja", "Aditi", "Prajakta", "Snehal", "Shweta", "Rutuja", "Manasi"],
            male: ["Omkar", "Aniket", "Sachin", "Rohan", "Swapnil", "Tushar", "Ganesh", "Amol"],
            surnames: [
                "Patil", "Deshmukh", "Joshi", "Kulkarni", "Pawar", "Jadhav", "Shinde", "Deshpande", "Gaikwad",
                "Chavan", "Sawant", "More",
            ]),
        NamePool(
            female: ["Priya", "Neha", "Anjali", "Ritu", "Sunita", "Kiran", "Shalini", "Nisha", "Aarti", "Pooja"],
            male: ["Rahul", "Amit", "Rajesh", "Vikas", "Sandeep", "Rohit", "Ankit", "Manoj", "Deepak", "Sanjay"],
            surnames: [
                "Sharma", "Verma", "Gupta", "Singh", "Kumar", "Mishra", "Tiwari", "Agarwal", "Srivastava",
                "Pandey", "Yadav", "Chauhan",
            ]),
        NamePool(
            female: ["Riya", "Moumita", "Sreeja", "Payel", "Tanushree", "Ananya"],
            male: ["Sourav", "Arnab", "Subhajit", "Debashish", "Abhijit", "Indranil"],
            surnames: [
                "Banerjee", "Chatterjee", "Mukherjee", "Das", "Bose", "Ghosh", "Sen", "Dutta", "Roy",
                "Chakraborty",
            ]),
        NamePool(
            female: ["Hetal", "Komal", "Nirali", "Bhavna", "Dhara", "Krupa"],
            male: ["Hardik", "Jignesh", "Chirag", "Mehul", "Parth", "Nikhil"],
            surnames: ["Patel", "Shah", "Mehta", "Desai", "Parikh", "Modi", "Trivedi", "Bhatt"]),
        NamePool(
            female: ["Harpreet", "Simran", "Gurleen", "Manpreet", "Jasleen"],
            male: ["Gurpreet", "Harjeet", "Manjeet", "Jaspreet", "Amandeep", "Karan"],
            surnames: ["Singh", "Kaur", "Gill", "Sandhu", "Dhillon", "Grewal", "Sidhu", "Malhotra", "Kapoor", "Arora"]),
        NamePool(
            female: ["Fatima", "Ayesha", "Zainab", "Sana", "Shabana", "Nazia", "Farheen", "Rukhsar"],
            male: ["Mohammed", "Abdul", "Imran", "Faisal", "Salman", "Irfan", "Arif", "Shahid", "Rizwan"],
            surnames: ["Khan", "Shaikh", "Ahmed", "Ali", "Qureshi", "Siddiqui", "Ansari", "Pathan", "Syed", "Basheer"]),
        NamePool(
            female: ["Mary", "Jessy", "Reshma", "Sherin", "Anu", "Teena", "Stella", "Elizabeth"],
            male: ["Joseph", "Thomas", "George", "Jacob", "Sebastian", "Joel", "Kevin", "Abraham"],
            surnames: [
                "Thomas", "Joseph", "George", "Mathew", "Varghese", "Fernandes", "D'Souza", "Pinto", "Rodrigues",
                "Kurian", "Philip",
            ]),
    ]

    /// The share of patients (per mille) each of `latinPools` supplies, matching the three cities.
    static let poolWeights = [150, 150, 100, 80, 120, 140, 50, 60, 40, 70, 40]

    /// Combinations so common that a register has several of each (first, last, female).
    static let commonNames: [(String, String, Bool)] = [
        ("Priya", "Sharma", true), ("Rahul", "Kumar", false), ("Mohammed", "Khan", false), ("Anjali", "Nair", true),
        ("Lakshmi", "Iyer", true), ("Amit", "Patel", false), ("Pooja", "Patil", true), ("Karthik", "Rao", false),
        ("Sneha", "Joshi", true), ("Mary", "Joseph", true), ("Suresh", "Reddy", false), ("Fatima", "Shaikh", true),
    ]

    /// Names written in Devanagari (Hindi and Marathi speakers who typed their own script).
    static let devanagariPool = NamePool(
        female: ["प्रिया", "नेहा", "पूजा", "सुनीता", "अंजलि", "स्नेहा", "आरती"],
        male: ["राहुल", "अमित", "राजेश", "सचिन", "गणेश", "विकास", "संजय"],
        surnames: ["शर्मा", "वर्मा", "गुप्ता", "सिंह", "पाटील", "जोशी", "देशमुख", "कुलकर्णी", "मिश्रा", "यादव"])

    /// Names written in Malayalam script.
    static let malayalamPool = NamePool(
        female: ["അഞ്ജലി", "ലക്ഷ്മി", "ദിവ്യ", "മീര", "ആര്യ"],
        male: ["അർജുൻ", "വിഷ്ണു", "രാഹുൽ", "അഖിൽ", "അജിത്"],
        surnames: ["നായർ", "മേനോൻ", "പിള്ള", "കുറുപ്പ്", "നമ്പ്യാർ", "വർഗീസ്"])

    /// One demo patient's identity and profile, a pure function of the seed and the patient's index.
    struct PatientIdentity: Sendable {
        /// nil for the web's placeholder patients (`full_name` 'Patient', names never completed).
        var firstName: String?
        var lastName: String?
        var fullName: String
        var gender: String?
        var phone: String
        var email: String?
        var dateOfBirth: LocalDate?
        var age: Int?
        var bloodGroup: String?
        var emergencyContactName: String?
        var emergencyContactPhone: String?
        var notes: String?
        var mrn: String
        /// When the patient signed up (before any of their bookings).
        var registeredAt: Instant
    }

    /// Makes patient `index` of `count`; the same seed and index always give the same person.
    struct PatientFactory: Sendable {
        let base: SeededGenerator
        let count: Int
        let today: LocalDate
        let phones: PhoneBook
        /// Moves the placeholder and native-script patients around between seeds.
        let shift: Int
        /// The MRN prefix (`desk_mrn_prefix()`); patient i gets number i + 1, as `desk_mrn_seq` would.
        var mrnPrefix = MedicalRecordNumber.defaultPrefix

        init(base: SeededGenerator, count: Int, today: LocalDate, phones: PhoneBook) {
            self.base = base
            self.count = count
            self.today = today
            self.phones = phones
            var generator = base.derived(2, 0)
            shift = generator.below(1000)
        }

        func identity(_ index: Int, firstBooking: Instant?) -> PatientIdentity {
            DemoSeeder.patientIdentity(index, factory: self, firstBooking: firstBooking)
        }
    }

    static let poolChoices: [(Int, Int)] = Array(zip(latinPools.indices, poolWeights))

    private static func patientIdentity(_ index: Int, factory: PatientFactory, firstBooking: Instant?) -> PatientIdentity {
        let (count, today, phones, shift) = (factory.count, factory.today, factory.phones, factory.shift)
        var generator = factory.base.derived(1, index)
        let isPlaceholder = (index + shift) % 200 == 17
        let script: NamePool? = (index + shift) % 33 == 5 ? devanagariPool : (index + shift) % 50 == 23 ? malayalamPool : nil

        var female = generator.chance(perMille: 520)
        var first: String
        var last: String
        // Where a relative's first name (emergency contact) comes from.
        let family: NamePool
        if let script {
            first = generator.pick(female ? script.female : script.male)
            last = generator.pick(script.surnames)
            family = script
        } else if generator.chance(perMille: 25) {
            let common = commonNames[generator.zipfIndex(count: commonNames.count)]
            (first, last, female) = common
            family = latinPools.first { $0.surnames.contains(last) } ?? latinPools[5]
        } else {
            let pool = latinPools[generator.pick(weighted: poolChoices)]
            family = pool
            let firstNames = female ? pool.female : pool.male
            first = firstNames[generator.zipfIndex(count: firstNames.count)]
            // Some families mix regions (marriage, migration).
            let surnamePool = generator.chance(perMille: 80) ? latinPools[generator.below(latinPools.count)] : pool
            last = surnamePool.surnames[generator.zipfIndex(count: surnamePool.surnames.count)]
        }

        // Half sign up on the web (OTP login stores 91XXXXXXXXXX), half are registered at the desk.
        let phoneDigits = phones.number(index)
        let webSignup = isPlaceholder || generator.chance(perMille: 500)
        let phone = webSignup ? "91" + phoneDigits : phoneDigits

        var registeredAt = Instant(
            date: today.adding(days: -generator.int(in: 1...1100)),
            time: LocalTime(hour: generator.int(in: 7...21), minute: generator.int(in: 0...59)),
            offsetSeconds: istOffset)
        if let firstBooking, firstBooking.adding(minutes: -10) < registeredAt {
            registeredAt = firstBooking.adding(minutes: -10 - generator.int(in: 0...600))
        }
        let mrn = MedicalRecordNumber.format(prefix: factory.mrnPrefix, number: Int64(index + 1))
        if isPlaceholder {
            return PatientIdentity(
                firstName: nil, lastName: nil, fullName: "Patient", gender: nil, phone: phone,
                email: nil, dateOfBirth: nil, age: nil, bloodGroup: nil, emergencyContactName: nil,
                emergencyContactPhone: nil, notes: nil, mrn: mrn, registeredAt: registeredAt)
        }

        var email: String?
        if script == nil && generator.chance(perMille: 350) {
            let domain = generator.pick(["example.com", "example.in", "example.org"])
            let handle = generator.chance(perMille: 600) ? "\(asciiHandle(first)).\(asciiHandle(last))" : asciiHandle(first)
            email = "\(handle)\(index + 1)@\(domain)"  // the index keeps every address unique
        }
        let years = generator.pick(weighted: [(8...17, 80), (18...30, 350), (31...45, 300), (46...60, 170), (61...85, 100)])
        let dateOfBirth = today.adding(days: -(generator.int(in: years) * 365 + generator.int(in: 0...364)))
        let gender = generator.chance(perMille: 10) ? "Other" : female ? "Female" : "Male"
        let bloodGroup =
            generator.chance(perMille: 400)
            ? generator.pick(weighted: [("O+", 37), ("B+", 32), ("A+", 22), ("AB+", 7), ("O-", 1), ("B-", 1)]) : nil
        var emergencyName: String?
        var emergencyPhone: String?
        if generator.chance(perMille: 60) {
            let relative = generator.pick(female ? family.male : family.female)
            emergencyName = "\(relative) \(last)"
            let digits = phones.number(count + 1000 + index)
            emergencyPhone =
                generator.chance(perMille: 300)
                ? "+91 \(digits.prefix(5)) \(digits.suffix(5))" : digits
        }
        let notes =
            generator.chance(perMille: 30)
            ? generator.pick([
                "Prefers morning slots", "Hindi-speaking; may need an interpreter",
                "Comes with a family member", "Hard of hearing: speak slowly",
                "Prefers online sessions when possible", "Allergic to sulfa drugs",
            ]) : nil
        return PatientIdentity(
            firstName: first, lastName: last, fullName: "\(first) \(last)", gender: gender,
            phone: phone, email: email, dateOfBirth: dateOfBirth,
            age: completedYears(from: dateOfBirth, to: today), bloodGroup: bloodGroup,
            emergencyContactName: emergencyName, emergencyContactPhone: emergencyPhone,
            notes: notes, mrn: mrn, registeredAt: registeredAt)
    }

    /// Whole years from `birth` to `day` (a birthday counts on the day itself).
    static func completedYears(from birth: LocalDate, to day: LocalDate) -> Int {
        var years = day.year - birth.year
        if (day.month, day.day) < (birth.month, birth.day) { years -= 1 }
        return years
    }

    /// Lower-case ASCII letters only ("D'Souza" → "dsouza"), for usernames and e-mail addresses.
    static func asciiHandle(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic }.map(Character.init))
    }

    static func zeroPadded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Unique ten-digit Indian mobile numbers: an affine permutation of the nine digits after the
    /// leading 6–9, so index i never collides with index j and numbers look random.
    struct PhoneBook: Sendable {
        let offset: Int

        init(seed: SeededGenerator) {
            var generator = seed.derived(3, 0)
            offset = generator.below(1_000_000_000)
        }

        /// The number for `index` (patients 0..<n, staff and emergency contacts after them).
        func number(_ index: Int) -> String {
            let body = (index * 738_219_541 + offset) % 1_000_000_000
            let lead = 6 + (index * 7 + offset) % 4
            return String(lead) + DemoSeeder.zeroPadded(body, width: 9)
        }
    }
}
