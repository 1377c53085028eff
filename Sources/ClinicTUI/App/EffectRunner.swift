import ClinicCore
import Foundation

/// Runs effects against ClinicCore, off the main actor, and answers with messages.
/// Errors become words here, through `UserMessage`, and connection problems become
/// `.connectionLost` so the banner shows and the runtime reconnects.
struct EffectRunner: Sendable {
    let database: Database
    let host: String

    func run(_ effect: Effect, now: Instant) async -> [Message] {
        switch effect {
        case .signIn(let requestID, let login, let password):
            do {
                let actor = try await StaffAuthenticator(database: database).signIn(login: login, password: password, host: host)
                let centres = try await CentreDirectory(database: database).centres(reachableBy: actor)
                guard let first = centres.first else {
                    return [
                        .signInFailed(requestID: requestID, UserMessageLine(.error, "No active centre is assigned to you. Ask a manager."))
                    ]
                }
                let choices = centres.map {
                    CentreChoice(
                        id: $0.id, name: $0.name, city: $0.city, timeZone: $0.timeZone,
                        offsetSeconds: $0.offsetSeconds(at: now))
                }
                let preferred = choices.first { $0.id == actor.activeCentreID } ?? choices.first { $0.id == first.id } ?? choices[0]
                var working = actor
                working.activeCentreID = preferred.id
                return [
                    .connectionRestored, .signedIn(requestID: requestID, DeskSession(actor: working, centres: choices, centre: preferred)),
                ]
            } catch {
                return failure(error, otherwise: .signInFailed(requestID: requestID, UserMessage.line(for: error)))
            }
        case .loadToday(let requestID, let actor, let centreID, let day):
            do {
                let entries = try await TodaySchedule(database: database).appointments(for: actor, centreID: centreID, day: day)
                return [.connectionRestored, .todayLoaded(requestID: requestID, TodaySnapshot(day: day, entries: entries))]
            } catch {
                return failure(error, otherwise: .todayFailed(requestID: requestID, UserMessage.line(for: error)))
            }
        case .verifyUnlock(let actor, let password):
            do {
                let matches = try await StaffAuthenticator(database: database).verifyPassword(of: actor, password)
                return [matches ? .unlocked : .unlockFailed(UserMessageLine(.error, "That password is not right."))]
            } catch {
                return failure(error, otherwise: .unlockFailed(UserMessage.line(for: error)))
            }
        case .signOut(let actor):
            try? await StaffAuthenticator(database: database).signOut(actor)
            return [.signedOut]
        case .probeDatabase(let attempt, let delay):
            try? await Task.sleep(for: .milliseconds(delay))
            do {
                try await database.connect()
                return [.connectionRestored]
            } catch {
                return [.connectionStillDown(attempt: attempt)]
            }
        case .redrawAll, .quit:
            return []
        }
    }

    private func failure(_ error: Error, otherwise message: Message) -> [Message] {
        UserMessage.isConnectionProblem(error) ? [.connectionLost, message] : [message]
    }
}
