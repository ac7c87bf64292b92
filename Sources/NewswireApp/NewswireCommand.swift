import ArgumentParser
import NewswireClient

/// `newswire`: the command-line client.
@main
struct NewswireCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswire",
        abstract: "Feed, inspect and follow a Newswire pipeline.",
        discussion: "Every option has an environment variable twin (NEWSWIRE_…), shown in each command's --help.",
        subcommands: [
            FeedCommand.self, ParseCommand.self, ClassifyCommand.self, QueryCommand.self,
            StatsCommand.self, SearchCommand.self, TailCommand.self, TaxonomyCommand.self, StatusCommand.self, HealthCommand.self,
            DeadLettersCommand.self, KeygenCommand.self,
        ])
}
