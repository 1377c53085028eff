import CCrypt

/// bcrypt through libxcrypt: writes `$2b$` hashes and verifies the web's `$2a$` (bcryptjs) and `$2y$`.
public enum PasswordHasher {
    /// The web's cost factor (bcryptjs, cost 10).
    public static let defaultCost = 10

    /// A new `$2b$` hash of `secret` with a fresh salt.
    /// - Throws: `SecurityError` when the salt or the hash cannot be made.
    public static func hash(_ secret: String, cost: Int = defaultCost) throws -> String {
        let entropy = try Digest.randomBytes(16)
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        let made = entropy.withUnsafeBufferPointer { random in
            setting.withUnsafeMutableBufferPointer { output in
                crypt_gensalt_rn(
                    "$2b$", UInt(cost), random.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                    Int32(random.count), output.baseAddress, Int32(output.count))
            }
        }
        guard made != nil else { throw SecurityError.hashingFailed }
        let settingText = String(decoding: setting.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let hashed = crypt(secret, settingText), hashed.hasPrefix("$2") else { throw SecurityError.hashingFailed }
        return hashed
    }

    /// True when `secret` matches a `$2a$`/`$2b$`/`$2y$` hash; compared in constant time.
    public static func verify(_ secret: String, against storedHash: String) -> Bool {
        guard storedHash.hasPrefix("$2a$") || storedHash.hasPrefix("$2b$") || storedHash.hasPrefix("$2y$") else {
            return false
        }
        guard let computed = crypt(secret, storedHash) else { return false }
        return Digest.constantTimeEquals(Array(computed.utf8), Array(storedHash.utf8))
    }

    private static func crypt(_ secret: String, _ setting: String) -> String? {
        var data = crypt_data()
        let result: String? = withUnsafeMutablePointer(to: &data) { pointer in
            guard let output = crypt_r(secret, setting, pointer) else { return nil }
            let text = String(cString: output)
            // libxcrypt signals failure with a string starting with '*'.
            return text.hasPrefix("*") ? nil : text
        }
        return result
    }
}
