/// The marker `db seed-demo` leaves in the web's (otherwise unused) `settings` table.
public enum DemoSeedRecord {
    /// The `settings.key` of the marker.
    public static let settingsKey = "clinic_desk.demo_seed"
}
