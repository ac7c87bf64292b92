/// CURVE settings that cannot be used: one line per problem, each naming its flag.
public struct CurveSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [String]

    public init(problems: [String]) { self.problems = problems }

    public var description: String { problems.joined(separator: "\n") }
}
