internal import Foundation

/// Draws articles per topic over time as an SVG line chart, on the server, from
/// ``TopicVolumeBody``: one line per topic over a fixed run of buckets ending
/// with the current one, with a legend and a table of the same numbers for
/// screen readers and for anyone who wants the figures.
struct VolumeChart {
    var volume: TopicVolumeBody
    /// Bucket starts, oldest first (the x axis).
    var starts: [Date]

    static let width = 640.0
    static let height = 220.0
    static let margin = (left: 36.0, right: 12.0, top: 12.0, bottom: 28.0)

    /// Buckets a chart covers: a day in hours, a month in days.
    static func bucketCount(_ bucket: TopicVolumeBody.Bucket) -> Int { bucket == .hour ? 24 : 30 }

    /// The window ending with the bucket that holds `now`: (first start, end).
    static func window(_ bucket: TopicVolumeBody.Bucket, now: Date = Date()) -> (since: Date, until: Date, starts: [Date]) {
        let last = bucket.floor(now)
        let count = bucketCount(bucket)
        let starts = (0..<count).map { last.addingTimeInterval(-Double(count - 1 - $0) * bucket.seconds) }
        return (starts[0], last.addingTimeInterval(bucket.seconds), starts)
    }

    /// The counts of `topic` aligned with ``starts`` (zero where it has none).
    func series(_ topic: TopicVolumeBody.Topic) -> [Int] {
        let byStart = Dictionary(topic.buckets.map { ($0.start, $0.articles) }, uniquingKeysWith: +)
        return starts.map { byStart[Self.iso(volume.bucket, $0)] ?? 0 }
    }

    static func iso(_ bucket: TopicVolumeBody.Bucket, _ date: Date) -> String {
        let text = StoredTime(date).iso8601  // 2026-11-23T08:00:00.000Z
        return String(text.prefix(19)) + "Z"
    }

    /// A short axis label for a bucket start: `08:00` for hours, `11-23` for days.
    func label(_ date: Date) -> String {
        let text = Self.iso(volume.bucket, date)
        return volume.bucket == .hour ? String(text.dropFirst(11).prefix(5)) : String(text.dropFirst(5).prefix(5))
    }

    /// The chart and its table, as an HTML fragment.
    var html: String {
        let all = volume.topics.map(series)
        let peak = max(all.flatMap { $0 }.max() ?? 0, 1)
        let plotWidth = Self.width - Self.margin.left - Self.margin.right
        let plotHeight = Self.height - Self.margin.top - Self.margin.bottom
        func x(_ index: Int) -> Double { Self.margin.left + plotWidth * Double(index) / Double(max(starts.count - 1, 1)) }
        func y(_ value: Int) -> Double { Self.margin.top + plotHeight * (1 - Double(value) / Double(peak)) }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }

        var svg = """
            <svg class="chart" viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" role="img" aria-labelledby="chart-title">
            <title id="chart-title">Articles per topic per \(volume.bucket.rawValue), the last \(starts.count)</title>
            <line class="axis" x1="\(Self.margin.left)" y1="\(y(0))" x2="\(Self.width - Self.margin.right)" y2="\(y(0))"/>
            <text class="tick" x="\(Self.margin.left - 6)" y="\(number(y(peak) + 4))" text-anchor="end">\(peak)</text>
            <text class="tick" x="\(Self.margin.left - 6)" y="\(number(y(0) + 4))" text-anchor="end">0</text>

            """
        let step = max(starts.count / 6, 1)
        for index in stride(from: 0, to: starts.count, by: step) {
            svg += "<text class=\"tick\" x=\"\(number(x(index)))\" y=\"\(Int(Self.height - 8))\" text-anchor=\"middle\">\(label(starts[index]))</text>\n"
        }
        for (index, topic) in volume.topics.enumerated() {
            let points = all[index].enumerated().map { "\(number(x($0.offset))),\(number(y($0.element)))" }.joined(separator: " ")
            svg += "<polyline class=\"line t\(index % 6)\" points=\"\(points)\"><title>\(HTMLPage.escape(topic.label))</title></polyline>\n"
        }
        svg += "</svg>"

        let legend = volume.topics.enumerated().map { index, topic in
            "<li><span class=\"swatch t\(index % 6)\" aria-hidden=\"true\"></span>\(HTMLPage.escape(topic.label)) <span class=\"muted\">(\(topic.articles))</span></li>"
        }.joined()
        let header = volume.topics.map { "<th scope=\"col\">\(HTMLPage.escape($0.label))</th>" }.joined()
        let rows = starts.indices.filter { index in all.contains { $0[index] > 0 } }.map { index in
            "<tr><th scope=\"row\">\(Self.iso(volume.bucket, starts[index]))</th>" + all.map { "<td>\($0[index])</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        return """
            <figure class="volume" id="volume" data-bucket="\(volume.bucket.rawValue)">
            \(svg)
            <figcaption><ul class="legend">\(legend)</ul></figcaption>
            </figure>
            <details><summary>The numbers</summary>
            <table><thead><tr><th scope="col">\(volume.bucket.rawValue) from (UTC)</th>\(header)</tr></thead>
            <tbody>\(rows.isEmpty ? "<tr><td colspan=\"\(volume.topics.count + 1)\">No articles in this window.</td></tr>" : rows)</tbody></table>
            </details>
            """
    }
}
