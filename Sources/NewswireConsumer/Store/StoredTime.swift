internal import Foundation
internal import SwiftProtobuf

/// A time as the consumer's store keeps it: whole milliseconds since 1970 (UTC),
/// written as the text `yyyy-MM-dd HH:mm:ss.SSS` (GRDB's format for dates, so
/// GRDB reads the columns as `Date` too).
///
/// Why a type of its own: a `Date` is a binary floating-point number of seconds,
/// so going through it turns `.123` into `.122999…` or `.123000011`. A topic
/// message must carry the same `classified_at` live and replayed, and a replay's
/// `since` must compare at the precision stored; both need exact milliseconds,
/// converted with integer arithmetic only.
struct StoredTime: Sendable, Hashable, Comparable {
    let milliseconds: Int64

    init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// `date`, truncated to the millisecond.
    init(_ date: Date) {
        self.milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// `timestamp`, truncated to the millisecond (sub-millisecond digits are dropped).
    init(_ timestamp: Google_Protobuf_Timestamp) {
        self.milliseconds = timestamp.seconds * 1000 + Int64(timestamp.nanos / 1_000_000)
    }

    static func < (lhs: StoredTime, rhs: StoredTime) -> Bool { lhs.milliseconds < rhs.milliseconds }

    /// The protobuf timestamp of exactly this millisecond.
    var timestamp: Google_Protobuf_Timestamp {
        let (seconds, remainder) = Self.floorDivision(milliseconds, 1000)
        return Google_Protobuf_Timestamp(seconds: seconds, nanos: Int32(remainder) * 1_000_000)
    }

    /// `yyyy-MM-dd HH:mm:ss.SSS`, UTC.
    var text: String {
        let (days, millisecondOfDay) = Self.floorDivision(milliseconds, 86_400_000)
        let (year, month, day) = Self.civil(fromDays: days)
        let hour = millisecondOfDay / 3_600_000, minute = millisecondOfDay / 60_000 % 60
        let second = millisecondOfDay / 1000 % 60, millisecond = millisecondOfDay % 1000
        return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2)) "
            + "\(Self.pad(hour, 2)):\(Self.pad(minute, 2)):\(Self.pad(second, 2)).\(Self.pad(millisecond, 3))"
    }

    /// Reads `yyyy-MM-dd HH:mm:ss.SSS` (or `T` for the space, fewer fraction
    /// digits, none); nil for anything else.
    init?(text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x20 || bytes[10] == 0x54,
              bytes[13] == 0x3A, bytes[16] == 0x3A,
              let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]), let day = Self.number(bytes[8..<10]),
              let hour = Self.number(bytes[11..<13]), let minute = Self.number(bytes[14..<16]), let second = Self.number(bytes[17..<19]),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        var millisecond: Int64 = 0
        if bytes.count > 19 {
            guard bytes[19] == 0x2E, bytes.count > 20, bytes.count <= 23, let fraction = Self.number(bytes[20...]) else { return nil }
            millisecond = fraction * [1, 100, 10, 1][bytes.count - 20]
        }
        let days = Self.days(fromCivil: year, month, day)
        self.milliseconds = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millisecond
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int64? {
        var value: Int64 = 0
        for digit in digits {
            guard (0x30...0x39).contains(digit) else { return nil }
            value = value * 10 + Int64(digit - 0x30)
        }
        return digits.isEmpty ? nil : value
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value / divisor, remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    // Days since 1970-01-01 to and from the proleptic Gregorian calendar
    // (H. Hinnant's civil_from_days / days_from_civil).
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let year = month <= 2 ? year - 1 : year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
