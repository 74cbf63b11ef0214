import Testing
@testable import GlueEngine

@Suite struct TimestampsTests {
    @Test func parsesInstantsInUTC() {
        #expect(Timestamps.parseISO8601("1970-01-01T00:00:00Z") == 0)
        #expect(Timestamps.parseISO8601("2024-01-01T00:00:00Z") == 1_704_067_200_000_000)
        #expect(Timestamps.parseISO8601("2024-01-01") == 1_704_067_200_000_000)
        #expect(Timestamps.parseISO8601("2024-01-01T10:30Z") == 1_704_105_000_000_000)  // + 10h30m
        #expect(Timestamps.parseISO8601("2024-02-29T23:59:59Z") == 1_709_251_199_000_000)
    }

    @Test func parsesFractionsAndOffsets() {
        let base: Int64 = 1_704_067_200_000_000
        #expect(Timestamps.parseISO8601("2024-01-01T00:00:00.5Z") == base + 500_000)
        #expect(Timestamps.parseISO8601("2024-01-01T00:00:00.123456Z") == base + 123_456)
        #expect(Timestamps.parseISO8601("2024-01-01T00:00:00.123456789Z") == base + 123_456)
        #expect(Timestamps.parseISO8601("2024-01-01T02:00:00+02:00") == base)
        #expect(Timestamps.parseISO8601("2023-12-31T19:00:00-05:00") == base)
        #expect(Timestamps.parseISO8601("2024-01-01T05:30:00+0530") == base)
        #expect(Timestamps.parseISO8601("2024-01-01 00:00:00") == base)
    }

    @Test func refusesMalformedInstants() {
        for bad in ["", "2024", "2024-1-01", "2024-13-01", "2024-02-30", "2023-02-29", "2024-01-01T24:00:00Z",
                    "2024-01-01T10:00:60Z", "2024-01-01T10:00:00.Z", "2024-01-01T10:00:00ZZ", "2024-01-01T10",
                    "2024-01-01T10:00:00+25:00", "yesterday"] {
            #expect(Timestamps.parseISO8601(bad) == nil, "\(bad)")
        }
    }

    @Test func formatsAndRoundTrips() {
        #expect(Timestamps.format(0) == "1970-01-01T00:00:00Z")
        #expect(Timestamps.format(1_704_067_200_500_000) == "2024-01-01T00:00:00.5Z")
        for text in ["2024-01-01T00:00:00Z", "1999-12-31T23:59:59.999999Z", "2038-01-19T03:14:08Z"] {
            #expect(Timestamps.format(storeTime(text)) == text)
        }
    }

    @Test func parsesDurations() {
        #expect(Timestamps.parseDuration("90s") == 90_000_000)
        #expect(Timestamps.parseDuration("15m") == 900_000_000)
        #expect(Timestamps.parseDuration("1h") == 3_600_000_000)
        #expect(Timestamps.parseDuration("2d") == 172_800_000_000)
        #expect(Timestamps.parseDuration("1h30m") == 5_400_000_000)
        #expect(Timestamps.parseDuration("500ms") == 500_000)
        #expect(Timestamps.parseDuration("0s") == 0)
    }

    @Test func refusesBadDurations() {
        for bad in ["", "-1h", "1", "h", "1x", "1h-5m", "1.5h", " 1h", "99999999999999999999d", "9999999999999d"] {
            #expect(Timestamps.parseDuration(bad) == nil, "\(bad)")
        }
    }

    @Test func formatsDurationsReadably() {
        #expect(Timestamps.formatDuration(5_400_000_000) == "1h30m")
        #expect(Timestamps.formatDuration(500_000) == "500ms")
        #expect(Timestamps.formatDuration(0) == "0s")
        #expect(Timestamps.parseDuration(Timestamps.formatDuration(93_784_005_006)) == 93_784_005_006)
    }
}
