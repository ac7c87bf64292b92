import Foundation

/// Writes a ``Taxonomy`` as YAML in the format ``Taxonomy`` documents, so a
/// fitted taxonomy can be read back (``Taxonomy/init(yaml:source:)``) to an
/// equal value. Strings are double-quoted, numbers in Swift's shortest
/// round-trip form, keys in a fixed order: the same taxonomy always gives the same bytes.
public enum TaxonomyWriter {
    /// The YAML text, starting with `header` lines as `#` comments.
    public static func yaml(_ taxonomy: Taxonomy, header: [String] = []) -> String {
        var out = header.map { $0.isEmpty ? "#\n" : "# \($0)\n" }.joined()
        out += "name: \(quote(taxonomy.name))\n"
        out += "version: \(quote(taxonomy.version))\n"
        if !taxonomy.languages.isEmpty { out += "languages: \(list(taxonomy.languages))\n" }
        out += "topics:\n"
        for topic in taxonomy.topics {
            out += "  - id: \(topic.id)\n"
            out += "    label: \(quote(topic.label))\n"
            if !topic.description.isEmpty { out += "    description: \(quote(topic.description))\n" }
            if topic.threshold != TopicDefinition.defaultThreshold { out += "    threshold: \(number(topic.threshold))\n" }
            if !topic.phrases.isEmpty {
                out += "    phrases:\n"
                for phrase in topic.phrases {
                    out += "      - { text: \(quote(phrase.text)), weight: \(number(phrase.weight)) }\n"
                }
            }
            if !topic.conditions.isEmpty {
                out += "    conditions:\n"
                for condition in topic.conditions {
                    out += "      - anchor: \(list(condition.anchor))\n"
                    out += "        context: \(list(condition.context))\n"
                    out += "        within: \(condition.window)\n"
                    out += "        weight: \(number(condition.weight))\n"
                }
            }
            for (key, terms) in [("subject", topic.subject), ("refers", topic.refers), ("action", topic.action)] where !terms.entries.isEmpty {
                out += "    \(key):\n"
                for (language, list) in terms.entries { out += "      \(language): \(self.list(list))\n" }
            }
            if !topic.terms.isEmpty { out += "    terms: \(list(topic.terms))\n" }
            for (key, model) in [("model", topic.model), ("crosslingual-model", topic.crosslingualModel)] {
                guard let model else { continue }
                out += "    \(key):\n"
                out += "      bias: \(number(model.bias))\n"
                out += "      threshold: \(number(model.threshold))\n"
                out += "      weights:\n"
                for (feature, weight) in model.weights { out += "        \(quote(feature)): \(number(weight))\n" }
            }
        }
        return out
    }

    static func list(_ items: [String]) -> String { "[" + items.map(quote).joined(separator: ", ") + "]" }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(format: "%.1f", value) : "\(value)"
    }

    /// A double-quoted YAML scalar (the JSON escapes are valid YAML).
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
