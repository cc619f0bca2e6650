public import Foundation

/// The `Date` header value, from the send's fixed date.
///
/// RFC 5322 3.3:
///
/// > date-time       =   [ day-of-week "," ] date time [CFWS]
/// > zone            =   (FWS ( "+" / "-" ) 4DIGIT) / obs-zone
///
/// The zone is always numeric (`+0000`, never the obsolete `GMT`), and the weekday
/// is computed from the same calendar date, so the two cannot disagree. Every
/// recipient of one send gets the same Date, and a re-render reproduces it.
///
/// ```swift
/// MessageDate.format(Date(timeIntervalSince1970: 1_739_439_000))
/// // "Thu, 13 Feb 2025 09:30:00 +0000"
/// ```
public enum MessageDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The RFC 5322 `date-time` of `date` in `timeZone` (UTC by default).
    public static func format(_ date: Date, timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!) -> String {
        let parts = components(date, timeZone: timeZone)
        let offset = timeZone.secondsFromGMT(for: date) / 60
        let sign = offset < 0 ? "-" : "+"
        return "\(weekdays[parts.weekday]), \(pad(parts.day)) \(months[parts.month - 1]) \(parts.year) "
            + "\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second)) "
            + "\(sign)\(pad(abs(offset) / 60))\(pad(abs(offset) % 60))"
    }

    /// The date as mbox `From ` lines want it (asctime, in UTC): `Thu Feb 13 09:30:00 2025`.
    public static func asctime(_ date: Date) -> String {
        let p = components(date, timeZone: TimeZone(secondsFromGMT: 0)!)
        let day = p.day < 10 ? " \(p.day)" : "\(p.day)"
        return "\(weekdays[p.weekday]) \(months[p.month - 1]) \(day) \(pad(p.hour)):\(pad(p.minute)):\(pad(p.second)) \(p.year)"
    }

    private struct Parts {
        var year, month, day, hour, minute, second, weekday: Int
    }

    /// Civil date and time from seconds, by the days-from-civil algorithm (no locale).
    private static func components(_ date: Date, timeZone: TimeZone) -> Parts {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return Parts(
            year: year, month: month, day: day, hour: rest / 3_600, minute: rest % 3_600 / 60,
            second: rest % 60, weekday: weekday)
    }

    private static func pad(_ n: Int) -> String {
        n < 10 ? "0\(n)" : "\(n)"
    }
}
