public import ServiceLifecycle
public import Logging
internal import UnixSignals
internal import NewsClassification

/// Reloads the taxonomy file on SIGHUP. A file that does not load is reported
/// and the taxonomy in use stays as it was.
public struct TaxonomyReloadService: Service {
    let configuration: ConsumerConfiguration
    let classifier: ArticleClassifier
    let logger: Logger

    public init(configuration: ConsumerConfiguration, classifier: ArticleClassifier, logger: Logger) {
        self.configuration = configuration
        self.classifier = classifier
        self.logger = logger
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await withGracefulShutdownHandler {
            for await _ in signals.cancelOnGracefulShutdown() {
                reload()
            }
        } onGracefulShutdown: {}
    }

    func reload() {
        do {
            let taxonomy = try ConsumerApplication.loadTaxonomy(configuration)
            classifier.replaceTaxonomy(taxonomy)
            logger.notice("taxonomy reloaded", metadata: ["taxonomy": "\(taxonomy.name)@\(taxonomy.version)", "topics": "\(taxonomy.topics.count)"])
        } catch {
            logger.error("taxonomy reload failed; keeping the current one", metadata: ["error": "\(error)"])
        }
    }
}
