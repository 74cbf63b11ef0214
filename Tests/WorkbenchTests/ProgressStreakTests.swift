import Foundation
import Testing
@testable import Workbench

@Suite struct ProgressStreakTests {
    @Test func theStreakCountsConsecutiveDaysUpToTodayOrYesterday() {
        let today: Int64 = 100
        #expect(ProgressStore.streak(days: [], today: today) == StreakSummary(current: 0, longest: 0, studiedToday: false, studyDays: 0, lastStudyDay: nil))
        let upToToday = ProgressStore.streak(days: [95, 98, 99, 100], today: today)
        #expect(upToToday.current == 3 && upToToday.studiedToday && upToToday.longest == 3 && upToToday.studyDays == 4)
        let upToYesterday = ProgressStore.streak(days: [97, 98, 99], today: today)
        #expect(upToYesterday.current == 3 && !upToYesterday.studiedToday, "not lost until a whole day passes")
        let broken = ProgressStore.streak(days: [90, 91, 92, 93, 98], today: today)
        #expect(broken.current == 0 && broken.longest == 4)
        #expect(ProgressStore.streak(days: [99], today: today).lastStudyDay == "1970-04-10")
    }

    @Test func studyDaysAreTheLearnersLocalDays() throws {
        let clock = TestClock("2024-03-01T22:30:00Z")
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let store = try openStore(progressHome(), clock, timeZone: berlin)
        // 23:30 in Berlin on the 1st, then 00:30 on the 2nd: two days, a streak of 2.
        try store.recordAttempt(learner: "default", question: bookmarksQ1, answer: "B", correct: true, timeTakenMillis: 60_000)
        clock.advance(days: 1.0 / 24)
        try store.recordLabEvent(learner: "default", lab: "l1", step: "s1", event: .started)
        let s = try store.summary(learner: "default")
        #expect(s.streak.studyDays == 2 && s.streak.current == 2 && s.streak.lastStudyDay == "2024-03-02")
        // Two days later (UTC 23:30 on the 3rd is 00:30 on the 4th in Berlin): yesterday was skipped.
        clock.now = Int64(iso: "2024-03-03T23:30:00Z")
        #expect(try store.summary(learner: "default").streak.current == 0)
    }

    @Test func dayBoundariesFollowTheTimeZone() {
        let berlin = ProgressClock(timeZone: TimeZone(identifier: "Europe/Berlin")!) { 0 }
        let day = berlin.day(of: Int64(iso: "2024-03-31T12:00:00Z")) // the day summer time starts
        #expect(ProgressClock.dayText(day) == "2024-03-31")
        #expect(berlin.start(ofDay: day) == Int64(iso: "2024-03-30T23:00:00Z"))
        #expect(berlin.start(ofDay: day + 1) == Int64(iso: "2024-03-31T22:00:00Z"))
        #expect(ProgressClock.day(parsing: "2024-03-31") == ProgressClock.fixed(0).day(of: Int64(iso: "2024-03-31T05:00:00Z")))
        #expect(ProgressClock.day(parsing: "2024-3-31") == nil)
    }

    @Test func gluelabNowPinsTheClock() {
        let pinned = ProgressClock.system(environment: ["GLUELAB_NOW": "2024-03-01T09:00:00Z"])
        #expect(pinned.now() == Int64(iso: "2024-03-01T09:00:00Z"))
        let real = ProgressClock.system(environment: ["GLUELAB_NOW": "soon"])
        #expect(abs(real.now() - Int64(Date().timeIntervalSince1970 * 1e6)) < 60_000_000)
    }
}
