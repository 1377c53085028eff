import ClinicCore

/// Draws Hours & leave: the section tabs, the open section, and any form or question over it.
enum SetupView {
    static let leaveColumns = [
        TableColumn("Leave or holiday", width: .flexible(minimum: 18)), TableColumn("From", width: .fixed(11)),
        TableColumn("To", width: .fixed(11)), TableColumn("Reason", width: .flexible(minimum: 12)),
        TableColumn("Slots", width: .fixed(6), alignment: .trailing),
    ]
    static let coveredColumns = [
        TableColumn("When", width: .fixed(17)), TableColumn("Patient", width: .flexible(minimum: 14)),
        TableColumn("Clinician", width: .flexible(minimum: 12)), TableColumn("Centre", width: .flexible(minimum: 10)),
        TableColumn("Status", width: .fixed(22)),
    ]
    static let hoursColumns = [
        TableColumn("Day", width: .fixed(5)), TableColumn("From", width: .fixed(6)), TableColumn("To", width: .fixed(6)),
        TableColumn("Slot", width: .fixed(7)), TableColumn("Mode", width: .fixed(10)), TableColumn("Centre", width: .flexible(minimum: 12)),
    ]

    static func render(_ state: SetupState, session: DeskSession, into buffer: inout ScreenBuffer, rect: Rect) -> (
        cursorX: Int, cursorY: Int
    )? {
        let (tabLine, belowTabs) = rect.splitTop(1)
        var x = tabLine.x + 1
        for section in SetupState.Section.allCases {
            x += buffer.draw(" \(section.title) ", x: x, y: tabLine.y, style: section == state.section ? .selection : .muted) + 1
        }
        buffer.draw("Tab: next section", x: x + 2, y: tabLine.y, style: .keyHint, maxWidth: max(0, tabLine.x + tabLine.width - x - 3))
        let (subtitle, body) = belowTabs.splitTop(1)
        switch state.section {
        case .leave: renderLeave(state, session: session, subtitle: subtitle, body: body, into: &buffer)
        case .hours: renderHours(state, session: session, subtitle: subtitle, body: body, into: &buffer)
        case .policies: renderPolicies(state, subtitle: subtitle, body: body, into: &buffer)
        }
        if let form = state.leaveForm?.form ?? state.windowForm ?? state.policyForm {
            return form.render(into: &buffer, rect: body)
        }
        if let question = question(state) {
            let line = body.row(body.height - 1)
            buffer.fill(line, style: .warning)
            buffer.draw(question, x: line.x + 1, y: line.y, style: .warning, maxWidth: line.width - 2)
        }
        return nil
    }

    /// The yes/no question open, if any.
    static func question(_ state: SetupState) -> String? {
        if state.isAskingToDropHours {
            return "Drop your unsaved hours changes? y: drop  any other key: no"
        }
        if let leave = state.liftCandidate {
            let days =
                leave.firstDay == leave.lastDay
                ? DisplayDate.short(leave.firstDay) : "\(DisplayDate.short(leave.firstDay))–\(DisplayDate.short(leave.lastDay))"
            return "Lift \(leave.title), \(days)? y: lift  any other key: no"
        }
        if let covered = state.covered, let entry = covered.cancelCandidate {
            return "Cancel \(entry.patientName)'s visit (\(covered.leave.reason))? y: cancel and tell the patient   any other key: no"
        }
        return nil
    }

    private static func renderLeave(_ state: SetupState, session: DeskSession, subtitle: Rect, body: Rect, into buffer: inout ScreenBuffer)
    {
        if let covered = state.covered {
            buffer.draw(
                "\(covered.leave.title), \(DisplayDate.short(covered.leave.firstDay))–\(DisplayDate.short(covered.leave.lastDay)): booked visits — K keep, m move, C cancel, Esc back",
                x: subtitle.x + 1, y: subtitle.y, style: .title, maxWidth: subtitle.width - 2)
            // The centre column only when a visit is at another centre (leave covers all of the clinician's).
            let showsCentre = covered.entries.contains { ($0.centreName ?? session.centre.name) != session.centre.name }
            func shown<Item>(_ items: [Item]) -> [Item] {
                showsCentre ? items : items.enumerated().filter { $0.offset != 3 }.map(\.element)
            }
            let rows = covered.entries.map { entry -> [String] in
                let local = session.local(entry.start)
                let row = [
                    "\(DisplayDate.short(local.date)) \(DisplayDate.clock(local.time))", entry.patientName, entry.clinicianName,
                    entry.centreName ?? "",
                    entry.status.lowercased().replacingOccurrences(of: "_", with: " ") + (entry.isPaid ? ", paid" : "")
                        + (entry.isKept ? ", kept" : ""),
                ]
                return shown(row)
            }
            TableView.render(
                columns: shown(coveredColumns), rows: rows,
                state: covered.table, into: &buffer, rect: body,
                emptyMessage: "No booked visit is left under this leave. Esc: back to the list.")
            return
        }
        buffer.draw(
            "From today on at \(session.centre.name) — n leave, H holiday, Enter covered visits, x lift",
            x: subtitle.x + 1, y: subtitle.y, style: .title, maxWidth: subtitle.width - 2)
        let rows = (state.leaves ?? []).map { leave in
            [leave.title, DisplayDate.short(leave.firstDay), DisplayDate.short(leave.lastDay), leave.reason, String(leave.blockedSlots)]
        }
        TableView.render(
            columns: leaveColumns, rows: rows, state: state.leaveTable, into: &buffer, rect: body,
            emptyMessage: state.leaves == nil
                ? "Reading leave and holidays…" : "No leave or holiday from today on. n records leave, H a holiday.")
    }

    private static func renderHours(_ state: SetupState, session: DeskSession, subtitle: Rect, body: Rect, into buffer: inout ScreenBuffer)
    {
        let name = state.clinicianName ?? "No clinician at this centre"
        let unsaved = state.hasUnsavedHours ? "  (changed, not saved: s saves, r drops)" : ""
        buffer.draw(
            "\(name) — [ ] other clinician, a add, d remove, s save\(unsaved)", x: subtitle.x + 1, y: subtitle.y,
            style: state.hasUnsavedHours ? .warning : .title, maxWidth: subtitle.width - 2)
        if let preview = state.preview {
            renderPreview(preview, session: session, body: body, into: &buffer)
            return
        }
        let names = state.centreNames.merging(session.centres.map { ($0.id, $0.name) }) { _, own in own }
        let rows = (state.windows ?? []).map { window -> [String] in
            [
                DisplayDate.weekdays[window.weekday], DisplayDate.clock(window.start), DisplayDate.clock(window.end),
                "\(window.slotMinutes) min", window.mode == .online ? "online" : "in person",
                names[window.centreID] ?? "centre \(window.centreID)",
            ]
        }
        TableView.render(
            columns: hoursColumns, rows: rows, state: state.windowTable, into: &buffer, rect: body,
            emptyMessage: state.windows == nil ? "Reading the hours…" : "No weekly hours. a adds a window.")
    }

    private static func renderPreview(_ preview: WeeklyRules.Preview, session: DeskSession, body: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(body, style: .normal)
        var lines = [
            "Saving adds \(preview.added.count) window(s), ends \(preview.deactivatedRuleIDs.count) and keeps \(preview.kept) (ended hours are kept on record, as the web does)."
        ]
        if preview.stranded.isEmpty {
            lines.append("No booked visit falls outside the new hours.")
        } else {
            lines.append(
                "\(preview.stranded.count) booked visit(s) would fall outside the new hours (they stay booked; move them on their day's schedule, F2 then [ ]):"
            )
            for entry in preview.stranded {
                let local = session.local(entry.start)
                lines.append(
                    "  \(DisplayDate.short(local.date)) \(DisplayDate.clock(local.time))  \(entry.patientName)  with \(entry.clinicianName)"
                )
            }
        }
        lines.append("")
        lines.append("y: save these hours   any other key: back to editing")
        for (index, line) in lines.prefix(body.height).enumerated() {
            buffer.draw(
                line, x: body.x + 1, y: body.y + index, style: index == lines.count - 1 ? .keyHint : .normal, maxWidth: body.width - 2)
        }
    }

    private static func renderPolicies(_ state: SetupState, subtitle: Rect, body: Rect, into buffer: inout ScreenBuffer) {
        buffer.draw(
            "Every desk applies these — e edits (managers and administrators)", x: subtitle.x + 1, y: subtitle.y, style: .title,
            maxWidth: subtitle.width - 2)
        buffer.fill(body, style: .normal)
        guard let policies = state.policies else {
            buffer.draw("Reading the policies…", x: body.x + 1, y: body.y, style: .muted, maxWidth: body.width - 2)
            return
        }
        let lines = [
            ("Overbooks per clinician a day", String(policies.overbookCapPerClinicianDay)),
            ("An unpaid booking is a stale hold after", "\(policies.staleHoldMinutes) minutes"),
            ("Stale holds released by themselves", policies.staleHoldAutoRelease ? "yes (a hold with a payment link out is kept)" : "no"),
            ("Reminders the day before at", DisplayDate.clock(policies.reminderLocalTime) + " (centre time)"),
            ("WhatsApp template: cancellation", policies.cancellationTemplate),
            ("WhatsApp template: reschedule", policies.rescheduleTemplate),
            ("WhatsApp template: reminder", policies.reminderTemplate),
            ("Brand in confirmations", policies.brandName),
        ]
        let labelWidth = (lines.map { $0.0.count }.max() ?? 0) + 2
        for (index, line) in lines.prefix(body.height).enumerated() {
            buffer.draw(line.0 + ":", x: body.x + 1, y: body.y + index, style: .muted, maxWidth: labelWidth)
            buffer.draw(line.1, x: body.x + 1 + labelWidth, y: body.y + index, style: .normal, maxWidth: body.width - labelWidth - 2)
        }
    }
}
