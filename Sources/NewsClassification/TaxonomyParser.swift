internal import Yams

/// Turns taxonomy YAML into a validated ``Taxonomy``, or a ``TaxonomyError``
/// that points at the offending line.
///
/// Yams builds the node tree (with marks); this type walks it strictly: every
/// mapping key is checked against the keys the format defines, and counts are
/// checked as they grow so an oversized document (including one blown up by
/// YAML aliases) stops early.
struct TaxonomyParser {
    let yaml: String
    let source: String
    private var phraseCount = 0

    init(yaml: String, source: String) {
        self.yaml = yaml
        self.source = source
    }

    mutating func parse() throws(TaxonomyError) -> Taxonomy {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw syntaxError(error)
        }
        guard let root else {
            throw TaxonomyError(code: .emptyTaxonomy, source: source, line: 1, column: 1,
                                message: "taxonomy is empty; expected keys name, version and topics")
        }
        let fields = try mapping(root, context: "", allowed: ["name", "version", "languages", "topics"])
        let name = try requiredString(fields, "name", in: root, context: "")
        let version = try requiredString(fields, "version", in: root, context: "")
        guard let topicsNode = fields["topics"] else {
            throw error(.emptyTaxonomy, at: root, "", "taxonomy has no 'topics' list; add at least one topic")
        }
        if case .scalar(let scalar) = topicsNode, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
            throw error(.emptyTaxonomy, at: topicsNode, "", "'topics' is empty; add at least one topic")
        }
        guard case .sequence(let list) = topicsNode else {
            throw error(.invalidField, at: topicsNode, "", "'topics' must be a list of topics (lines starting with '- id:')")
        }
        guard !list.isEmpty else {
            throw error(.emptyTaxonomy, at: topicsNode, "", "'topics' is empty; add at least one topic")
        }
        guard list.count <= Taxonomy.maximumTopics else {
            throw error(.limitExceeded, at: topicsNode, "",
                        "\(list.count) topics; the limit is \(Taxonomy.maximumTopics)")
        }
        var languages: [String] = []
        if let languagesNode = fields["languages"] {
            for item in try terms(languagesNode, what: "languages", context: "") {
                guard Self.isLanguageCode(item) else {
                    throw error(.invalidField, at: languagesNode, "",
                                "language '\(item)' must be a two-letter ISO 639-1 code such as en, fr, de")
                }
                languages.append(item)
            }
        }
        var topics: [TopicDefinition] = []
        topics.reserveCapacity(list.count)
        var firstLine: [String: Int] = [:]
        for node in list {
            let (topic, idNode) = try parseTopic(node)
            if let previous = firstLine[topic.id] {
                throw error(.duplicateTopic, at: idNode, "",
                            "duplicate topic id '\(topic.id)' (first defined on line \(previous)); ids must be unique")
            }
            firstLine[topic.id] = idNode.mark?.line ?? 0
            topics.append(topic)
        }
        return Taxonomy(name: name, version: version, topics: topics, languages: languages)
    }

    static func isLanguageCode(_ code: String) -> Bool {
        code.utf8.count == 2 && code.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }

    // MARK: Topics

    private mutating func parseTopic(_ node: Node) throws(TaxonomyError) -> (TopicDefinition, Node) {
        let fields = try mapping(
            node, context: "",
            allowed: ["id", "label", "description", "threshold", "phrases", "conditions", "subject", "refers", "action", "terms",
                      "model", "crosslingual-model"])
        guard let idNode = fields["id"] else {
            throw error(.missingField, at: node, "", "topic is missing 'id'")
        }
        let id = try scalarString(idNode, what: "topic id", context: "")
        guard Self.isValidID(id) else {
            throw error(.invalidField, at: idNode, "",
                        "topic id '\(id)' must be 1-64 characters of a-z, 0-9 and '-', starting with a letter or digit")
        }
        let context = "topic '\(id)': "
        let label = try requiredString(fields, "label", in: node, context: context)
        let description = try fields["description"].map { (n) throws(TaxonomyError) in
            try scalarString(n, what: "description", context: context)
        } ?? ""
        var threshold = TopicDefinition.defaultThreshold
        if let thresholdNode = fields["threshold"] {
            threshold = try number(thresholdNode, what: "threshold", context: context)
            guard threshold > 0, threshold <= 1 else {
                throw error(.invalidField, at: thresholdNode, context,
                            "threshold must be greater than 0 and at most 1, got \(thresholdNode.string ?? "")")
            }
        }
        var seen: [[[UInt8]]: (String, Int)] = [:]
        var phrases: [WeightedPhrase] = []
        if let phrasesNode = fields["phrases"] {
            phrases = try parsePhrases(phrasesNode, context: context, seen: &seen)
        }
        var conditions: [ProximityCondition] = []
        if let conditionsNode = fields["conditions"] {
            guard case .sequence(let list) = conditionsNode else {
                throw error(.invalidField, at: conditionsNode, context,
                            "'conditions' must be a list of {anchor, context, within, weight}")
            }
            for item in list {
                conditions.append(try parseCondition(item, context: context))
            }
        }
        let subject = try fields["subject"].map { (n) throws(TaxonomyError) in
            try languageTerms(n, what: "subject", context: context)
        } ?? LanguageTerms()
        let refers = try fields["refers"].map { (n) throws(TaxonomyError) in
            try languageTerms(n, what: "refers", context: context)
        } ?? LanguageTerms()
        let action = try fields["action"].map { (n) throws(TaxonomyError) in
            try languageTerms(n, what: "action", context: context)
        } ?? LanguageTerms()
        let extraTerms = try fields["terms"].map { (n) throws(TaxonomyError) in
            try terms(n, what: "terms", context: context)
        } ?? []
        let model = try fields["model"].map { (n) throws(TaxonomyError) in
            try parseModel(n, what: "model", context: context)
        }
        let crosslingualModel = try fields["crosslingual-model"].map { (n) throws(TaxonomyError) in
            try parseModel(n, what: "crosslingual-model", context: context)
        }
        guard !phrases.isEmpty || !conditions.isEmpty || !subject.isEmpty else {
            throw error(.missingField, at: node, context, "topic has no phrases or conditions; add 'phrases'")
        }
        let topic = TopicDefinition(
            id: id, label: label, description: description, threshold: threshold,
            phrases: phrases, conditions: conditions, subject: subject, refers: refers, action: action, terms: extraTerms,
            model: model, crosslingualModel: crosslingualModel)
        return (topic, idNode)
    }

    /// `[term, …]` (any language) or `{en: [term, …], fr: [...], any: [...]}`.
    private mutating func languageTerms(_ node: Node, what: String, context: String) throws(TaxonomyError) -> LanguageTerms {
        guard case .mapping(let map) = node else {
            return LanguageTerms([(LanguageTerms.anyLanguage, try terms(node, what: what, context: context))])
        }
        var entries: [(language: String, terms: [String])] = []
        for (key, value) in map {
            let language = try scalarString(key, what: "\(what) language", context: context)
            guard language == LanguageTerms.anyLanguage || Self.isLanguageCode(language) else {
                throw error(.invalidField, at: key, context,
                            "\(what) language '\(language)' must be a two-letter code (en, fr, …) or '\(LanguageTerms.anyLanguage)'")
            }
            entries.append((language, try terms(value, what: "\(what) (\(language))", context: context)))
        }
        return LanguageTerms(entries)
    }

    /// `{bias, threshold, weights: {feature: weight, …}}`.
    private func parseModel(_ node: Node, what: String, context: String) throws(TaxonomyError) -> TopicModel {
        let fields = try mapping(node, context: context, allowed: ["bias", "threshold", "weights"],
                                 expected: "'\(what)' must be {bias, threshold, weights}")
        for key in ["bias", "threshold"] where fields[key] == nil {
            throw error(.missingField, at: node, context, "'\(what)' is missing '\(key)'")
        }
        let bias = try number(fields["bias"]!, what: "\(what) bias", context: context)
        let thresholdNode = fields["threshold"]!
        let threshold = try number(thresholdNode, what: "\(what) threshold", context: context)
        guard threshold > 0, threshold < 1 else {
            throw error(.invalidField, at: thresholdNode, context,
                        "\(what) threshold is a probability and must be between 0 and 1 (exclusive)")
        }
        var weights: [(feature: String, weight: Double)] = []
        if let weightsNode = fields["weights"] {
            guard case .mapping(let map) = weightsNode else {
                throw error(.invalidField, at: weightsNode, context, "'\(what).weights' must be a map of 'feature: weight'")
            }
            for (key, value) in map {
                let feature = try scalarString(key, what: "feature name", context: context)
                guard TopicFeatures.isKnownName(feature) else {
                    throw error(.invalidField, at: key, context,
                                "unknown feature '\(feature)'; expected one of \(TopicFeatures.fixedNames.joined(separator: ", ")), "
                                + "phrase:TEXT, condition:N or term:TEXT")
                }
                weights.append((feature, try number(value, what: "weight of '\(feature)'", context: context)))
            }
        }
        return TopicModel(bias: bias, threshold: threshold, weights: weights)
    }

    private mutating func parsePhrases(
        _ node: Node, context: String, seen: inout [[[UInt8]]: (String, Int)]
    ) throws(TaxonomyError) -> [WeightedPhrase] {
        var entries: [(text: Node, weight: Node)] = []
        switch node {
        case .mapping(let map):
            for (key, value) in map { entries.append((key, value)) }
        case .sequence(let list):
            for item in list {
                let fields = try mapping(item, context: context, allowed: ["text", "weight"],
                                         expected: "each phrase must be {text, weight}")
                guard let text = fields["text"] else {
                    throw error(.missingField, at: item, context, "phrase is missing 'text'")
                }
                guard let weight = fields["weight"] else {
                    throw error(.missingField, at: item, context, "phrase '\(text.string ?? "")' is missing 'weight'")
                }
                entries.append((text, weight))
            }
        default:
            throw error(.invalidField, at: node, context,
                        "'phrases' must be a list of {text, weight} or a map of 'text: weight'")
        }
        var phrases: [WeightedPhrase] = []
        phrases.reserveCapacity(entries.count)
        for (textNode, weightNode) in entries {
            let text = try term(textNode, what: "phrase", context: context)
            let weight = try number(weightNode, what: "phrase weight", context: context)
            let words = TextNormalizer.normalizedWords(text)
            if let (other, line) = seen[words] {
                throw error(.duplicatePhrase, at: textNode, context,
                            "phrase '\(text)' matches the same words as '\(other)' (line \(line)); remove one")
            }
            seen[words] = (text, textNode.mark?.line ?? 0)
            phrases.append(WeightedPhrase(text: text, weight: weight))
        }
        return phrases
    }

    private mutating func parseCondition(_ node: Node, context: String) throws(TaxonomyError) -> ProximityCondition {
        let fields = try mapping(node, context: context, allowed: ["anchor", "context", "within", "weight"],
                                 expected: "each condition must be {anchor, context, within, weight}")
        for key in ["anchor", "context", "within", "weight"] where fields[key] == nil {
            throw error(.missingField, at: node, context, "condition is missing '\(key)'")
        }
        let anchor = try terms(fields["anchor"]!, what: "anchor", context: context)
        let contextTerms = try terms(fields["context"]!, what: "context", context: context)
        let withinNode = fields["within"]!
        let within = try number(withinNode, what: "'within'", context: context)
        guard within >= 1, within <= 1000, within.rounded() == within else {
            throw error(.invalidField, at: withinNode, context,
                        "'within' must be a whole number of words from 1 to 1000, got '\(withinNode.string ?? "")'")
        }
        let weight = try number(fields["weight"]!, what: "condition weight", context: context)
        return ProximityCondition(anchor: anchor, context: contextTerms, window: Int(within), weight: weight)
    }

    private mutating func terms(_ node: Node, what: String, context: String) throws(TaxonomyError) -> [String] {
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case .sequence(let list): items = Array(list)
        default:
            throw error(.invalidField, at: node, context, "'\(what)' must be a term or a list of terms")
        }
        guard !items.isEmpty else {
            throw error(.invalidField, at: node, context, "'\(what)' needs at least one term")
        }
        var result: [String] = []
        for item in items {
            result.append(try term(item, what: "\(what) term", context: context))
        }
        return result
    }

    /// A phrase or condition term: a non-empty scalar that normalizes to
    /// 1...maximumPhraseWords words, each short enough to be matched.
    private mutating func term(_ node: Node, what: String, context: String) throws(TaxonomyError) -> String {
        phraseCount += 1
        guard phraseCount <= Taxonomy.maximumPhrases else {
            throw error(.limitExceeded, at: node, context,
                        "more than \(Taxonomy.maximumPhrases) phrases and condition terms in the taxonomy")
        }
        let text = try scalarString(node, what: what, context: context)
        let words = TextNormalizer.normalizedWordLengths(text)
        guard !words.isEmpty else {
            throw error(.invalidField, at: node, context, "\(what) '\(text)' has no words to match (only punctuation or blank)")
        }
        guard words.count <= Taxonomy.maximumPhraseWords else {
            throw error(.invalidField, at: node, context,
                        "\(what) '\(text)' has \(words.count) words; the limit is \(Taxonomy.maximumPhraseWords)")
        }
        guard words.allSatisfy({ $0 <= Taxonomy.maximumWordBytes }) else {
            throw error(.invalidField, at: node, context,
                        "\(what) '\(text)' has a word longer than \(Taxonomy.maximumWordBytes) bytes")
        }
        return text
    }

    // MARK: Scalars

    private func mapping(
        _ node: Node, context: String, allowed: Set<String>, expected: String? = nil
    ) throws(TaxonomyError) -> [String: Node] {
        guard case .mapping(let map) = node else {
            let what = expected ?? "expected a mapping with keys \(allowed.sorted().joined(separator: ", "))"
            throw error(.invalidField, at: node, context, what)
        }
        var fields: [String: Node] = [:]
        for (key, value) in map {
            guard case .scalar(let scalar) = key else {
                throw error(.invalidField, at: key, context, "mapping keys must be plain words")
            }
            guard allowed.contains(scalar.string) else {
                throw error(.unknownKey, at: key, context,
                            "unknown key '\(scalar.string)'; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
            fields[scalar.string] = value
        }
        return fields
    }

    private func requiredString(
        _ fields: [String: Node], _ key: String, in parent: Node, context: String
    ) throws(TaxonomyError) -> String {
        guard let node = fields[key] else {
            throw error(.missingField, at: parent, context, "missing '\(key)'")
        }
        return try scalarString(node, what: "'\(key)'", context: context)
    }

    private func scalarString(_ node: Node, what: String, context: String) throws(TaxonomyError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error(.invalidField, at: node, context, "\(what) must be text, not a list or mapping")
        }
        let text = scalar.string.trimmingWhitespace()
        guard !text.isEmpty else {
            throw error(.invalidField, at: node, context, "\(what) must not be empty")
        }
        return text
    }

    private func number(_ node: Node, what: String, context: String) throws(TaxonomyError) -> Double {
        guard case .scalar(let scalar) = node else {
            throw error(.invalidField, at: node, context, "\(what) must be a number, not a list or mapping")
        }
        let text = scalar.string.trimmingWhitespace()
        guard let value = Double(text) ?? node.float, value.isFinite else {
            throw error(.invalidField, at: node, context, "\(what) must be a number, got '\(text)'")
        }
        return value
    }

    static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...64).contains(bytes.count) else { return false }
        for (index, byte) in bytes.enumerated() {
            let isAlphanumeric = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            guard isAlphanumeric || (byte == 0x2D && index > 0) else { return false }
        }
        return true
    }

    // MARK: Errors

    private func error(_ code: TaxonomyError.Code, at node: Node, _ context: String, _ message: String) -> TaxonomyError {
        TaxonomyError(code: code, source: source, line: node.mark?.line, column: node.mark?.column,
                      message: context + message)
    }

    private func syntaxError(_ error: any Error) -> TaxonomyError {
        guard let yamlError = error as? YamlError else {
            return TaxonomyError(code: .syntax, source: source, message: "invalid YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return TaxonomyError(code: .syntax, source: source, line: mark.line, column: mark.column, message: message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return TaxonomyError(
                code: .syntax, source: source, line: context.mark.line, column: context.mark.column,
                message: "duplicate key '\(duplicates.joined(separator: "', '"))' in one mapping; keep one")
        case .reader(let problem, let offset, _, _):
            let at = offset.map { " at character \($0)" } ?? ""
            return TaxonomyError(code: .unreadable, source: source, message: "unreadable text\(at): \(problem)")
        default:
            return TaxonomyError(code: .syntax, source: source, message: "invalid YAML: \(yamlError)")
        }
    }
}
