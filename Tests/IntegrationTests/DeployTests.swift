import Foundation
import NewswireTesting
import Testing
import Yams

/// What can be checked of the deployment files without a container engine or
/// systemd: they parse, the flags they pass exist on the real executables, the
/// ports and volumes agree, and the paths they copy exist.
@Suite("Deploy files")
struct DeployTests {
    static let root = Fixtures.repositoryRoot

    static func compose() throws -> [String: Any] {
        let text = try String(contentsOf: root.appendingPathComponent("docker-compose.yml"), encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    /// `--flag=value` or `--flag value` → flag names.
    static func flags(in command: [String]) -> [String] {
        command.filter { $0.hasPrefix("--") }.map { String($0.split(separator: "=", maxSplits: 1)[0]) }
    }

    static func value(of flag: String, in command: [String]) -> String? {
        command.first { $0.hasPrefix(flag + "=") }.map { String($0.dropFirst(flag.count + 1)) }
    }

    @Test("compose: both services, their flags exist, ports and volumes agree, health checks and graceful stop")
    func composeFile() async throws {
        let compose = try Self.compose()
        let services = try #require(compose["services"] as? [String: Any])
        #expect(Set(services.keys) == ["consumer", "producer"])
        let volumes = try #require(compose["volumes"] as? [String: Any?])
        var commands: [String: [String]] = [:]
        for (name, value) in services {
            let service = try #require(value as? [String: Any])
            let command = try #require(service["command"] as? [String])
            commands[name] = command
            let executable = command[0]
            #expect(executable == "newswire-\(name)")
            let help = try await runCommand(executable, ["--help"])
            for flag in Self.flags(in: command) {
                #expect(help.stdout.contains(flag), "\(executable) has no \(flag)")
            }
            for mount in try #require(service["volumes"] as? [String]) {
                let volume = String(mount.split(separator: ":")[0])
                #expect(volumes.keys.contains(volume), "volume \(volume) is not declared")
                #expect(mount.hasSuffix(":/var/lib/newswire"))
            }
            // The health check is `newswire health [flags] http://127.0.0.1:<--metrics port>/healthz`:
            // a real subcommand with real flags, probing the service's own /healthz
            // (run against live services in healthProbe below).
            let probe = try Self.healthProbe(service)
            #expect(Array(probe.prefix(2)) == ["newswire", "health"], "\(probe)")
            let probeHelp = try await runCommand("newswire", ["health", "--help"])
            #expect(probeHelp.status == 0, "newswire has no health subcommand")
            for flag in Self.flags(in: probe) { #expect(probeHelp.stdout.contains(flag), "newswire health has no \(flag)") }
            let metrics = try #require(Self.value(of: "--metrics", in: command), "\(name) sets --metrics")
            let metricsPort = String(metrics.split(separator: ":").last!)
            #expect(probe.last == "http://127.0.0.1:\(metricsPort)/healthz")
            #expect((service["ports"] as? [String] ?? []).contains("127.0.0.1:\(metricsPort):\(metricsPort)"), "the HTTP endpoint is published to this host only")
            // proto-docs §2: with CURVE off, every port is published on the host's loopback only.
            if !Self.flags(in: command).contains("--curve-secret-key") {
                for port in service["ports"] as? [String] ?? [] {
                    #expect(port.hasPrefix("127.0.0.1:"), "\(name) publishes \(port) beyond loopback with CURVE off")
                }
            }
            #expect(service["restart"] as? String == "unless-stopped")
            #expect(service["stop_signal"] as? String == "SIGTERM")
            // Docker's stop timeout outlasts the service's own grace period, so a drain is never SIGKILLed.
            let grace = try #require(Self.value(of: "--shutdown-grace-seconds", in: command).flatMap { Int($0) })
            let stopGrace = try #require((service["stop_grace_period"] as? String).flatMap { Int($0.dropLast()) })
            #expect(stopGrace > grace)
        }
        // The producer reaches the consumer's events port on the compose network.
        let consumer = try #require(commands["consumer"]), producer = try #require(commands["producer"])
        let events = try #require(Self.value(of: "--events", in: consumer))
        let target = try #require(Self.value(of: "--consumer", in: producer))
        #expect(target == "tcp://consumer:" + events.split(separator: ":").last!)
        // Published ports are the ones the services bind.
        let producerPorts = try #require((services["producer"] as? [String: Any])?["ports"] as? [String])
        let ingest = try #require(Self.value(of: "--ingest", in: producer))
        #expect(producerPorts.contains { $0.hasSuffix(":" + ingest.split(separator: ":").last!) })
        let consumerPorts = try #require((services["consumer"] as? [String: Any])?["ports"] as? [String])
        for flag in ["--stream", "--replay"] {
            let port = try #require(Self.value(of: flag, in: consumer)).split(separator: ":").last!
            #expect(consumerPorts.contains { $0.hasSuffix(":\(port)") })
        }
        // The taxonomy path the consumer uses is the one the image copies.
        let dockerfile = try String(contentsOf: Self.root.appendingPathComponent("deploy/Dockerfile"), encoding: .utf8)
        let topics = try #require(Self.value(of: "--topics", in: consumer))
        #expect(dockerfile.contains("COPY deploy/taxonomy.yaml \(topics)"))
    }

    /// A service's health check command without the leading "CMD".
    static func healthProbe(_ service: [String: Any]) throws -> [String] {
        let health = try #require(service["healthcheck"] as? [String: Any])
        let test = try #require(health["test"] as? [String])
        #expect(test.first == "CMD")
        return Array(test.dropFirst())
    }

    /// `probe` with its URL's HOST:PORT replaced by `address`.
    static func probe(_ probe: [String], at address: String) throws -> [String] {
        let url = try #require(probe.last)
        let rest = try #require(url.range(of: "http://")).upperBound
        let slash = url[rest...].firstIndex(of: "/") ?? url.endIndex
        return probe.dropLast() + ["http://" + address + url[slash...]]
    }

    @Test("the compose health checks pass against the running services and fail once they are gone")
    func healthProbe() async throws {
        let services = try #require(try Self.compose()["services"] as? [String: Any])
        let pipeline = try await Pipeline()
        let pattern = #"metrics=http://([0-9.]+:[0-9]+)/metrics"#
        let addresses = ["producer": try await pipeline.producer.waitForLog(pattern), "consumer": try await pipeline.consumer.waitForLog(pattern)]
        // The exact probe from the compose file, pointed at the port each service bound here.
        var probes: [String: [String]] = [:]
        for (name, address) in addresses {
            let probe = try Self.probe(try Self.healthProbe(try #require(services[name] as? [String: Any])), at: address)
            probes[name] = probe
            let result = try await runCommand(probe[0], Array(probe.dropFirst()))
            #expect(result.status == 0, "\(probe): \(result.stdout) \(result.stderr)")
            #expect(result.stdout.contains("/healthz: 200 ok"))
        }
        let statuses = try await pipeline.stop()
        #expect(statuses.producer == 0 && statuses.consumer == 0)
        for (name, probe) in probes {
            let result = try await runCommand(probe[0], Array(probe.dropFirst()))
            #expect(result.status != 0, "\(name): the probe passed with the service gone")
            #expect(result.stderr.contains("\(probe.last!): cannot connect"), "\(result.stderr)")
        }
    }

    @Test("docker-compose validates the file where it is installed")
    func composeConfig() async throws {
        // docker-compose (Debian's 1.x, or the v2 plugin binary, which also runs on its own); `config` needs no engine.
        let binary = ["/usr/bin/docker-compose", "/usr/local/bin/docker-compose", "/usr/libexec/docker/cli-plugins/docker-compose",
                      "/usr/lib/docker/cli-plugins/docker-compose"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let binary else { return }  // parsing above covers machines without it
        let result = try await runCommand(binary, ["-f", Self.root.appendingPathComponent("docker-compose.yml").path, "config", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("the Dockerfile copies paths that exist, every folder Package.swift names, and builds the three executables")
    func dockerfile() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("deploy/Dockerfile"), encoding: .utf8)
        var copied: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("COPY ") && !line.contains("--from=") {
            let source = String(line.split(separator: " ")[1])
            copied.insert(source)
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(source).path), "COPY \(source): no such path")
        }
        // SwiftPM checks every target's folder when it loads the manifest, built or not
        // (the image once failed with "invalid custom path" for Benchmarks/). The build
        // itself, from exactly these paths, is scripts/check-docker-context.sh, run by scripts/test.sh.
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let customFolders = manifest.matches(of: /path: "([^"\/]+)\//).map { String($0.output.1) }
        for folder in Set(customFolders + ["Sources", "Tests"]) {
            #expect(copied.contains(folder), "Package.swift has targets under \(folder)/, which deploy/Dockerfile does not COPY")
        }
        #expect(copied.contains("Package.swift"))
        // The three are built and copied to /out, which the runtime image installs; `newswire` is the health probe.
        for executable in ["newswire-producer", "newswire-consumer", "newswire"] { #expect(text.contains("/\(executable)")) }
        #expect(text.contains("COPY --from=build /out/ /usr/local/bin/"))
        #expect(text.contains("FROM debian:bookworm-slim"))
        #expect(text.contains("libzmq5") && text.contains("libsqlite3-0"))
    }

    @Test(".dockerignore keeps build folders, databases and git history out of the build context")
    func dockerignore() throws {
        let rules = try String(contentsOf: Self.root.appendingPathComponent(".dockerignore"), encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        for rule in [".git", ".build", ".build-*", ".build_*", "**/*.db", "**/*.db-wal", "**/*.db-shm"] {
            #expect(rules.contains(rule), ".dockerignore lacks \(rule)")
        }
        #expect(!rules.contains { $0.hasPrefix("!") }, "no exceptions: what the Dockerfile copies is never ignored")
    }

    @Test("deploy/taxonomy.yaml is the built-in taxonomy and is valid")
    func taxonomyFile() async throws {
        let builtIn = try await runCommand("newswire", ["taxonomy"])
        let file = try String(contentsOf: Self.root.appendingPathComponent("deploy/taxonomy.yaml"), encoding: .utf8)
        #expect(builtIn.stdout == file)
        let check = try await runCommand("newswire", ["taxonomy", "--check", Self.root.appendingPathComponent("deploy/taxonomy.yaml").path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("3 topics"))
    }

    @Test("systemd units are hardened, and verify where systemd-analyze is available")
    func systemdUnits() async throws {
        let directory = try TemporaryDirectory()
        for name in ["newswire-producer", "newswire-consumer"] {
            let unit = try String(contentsOf: Self.root.appendingPathComponent("deploy/systemd/\(name).service"), encoding: .utf8)
            for setting in ["User=newswire", "Restart=on-failure", "StateDirectory=newswire", "NoNewPrivileges=yes", "ProtectSystem=strict", "KillSignal=SIGTERM", "ExecStart=/usr/local/bin/\(name)"] {
                #expect(unit.contains(setting), "\(name).service lacks \(setting)")
            }
            // Verify a copy whose ExecStart points at the binary built here.
            let local = unit.replacingOccurrences(of: "/usr/local/bin/\(name)", with: BuiltExecutable.url(name).path)
            try local.write(toFile: directory.path("\(name).service"), atomically: true, encoding: .utf8)
        }
        // The user they run as is created by the sysusers.d file shipped beside them.
        let sysusers = try String(contentsOf: Self.root.appendingPathComponent("deploy/systemd/newswire.sysusers"), encoding: .utf8)
        let entries = sysusers.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(entries.contains { $0.split(separator: " ", omittingEmptySubsequences: true).prefix(2) == ["u", "newswire"] }, "no `u newswire` line")
        let analyzer = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let analyzer else { return }
        let result = try await runCommand(analyzer, ["verify", directory.path("newswire-producer.service"), directory.path("newswire-consumer.service")])
        let problems = (result.stdout + result.stderr).split(separator: "\n").filter { !$0.contains("User=newswire") && !$0.contains("Failed to resolve") && !$0.isEmpty }
        #expect(problems.isEmpty, "systemd-analyze verify: \(problems)")
    }

    @Test("systemd-sysusers creates the newswire user from deploy/systemd/newswire.sysusers, where it is installed")
    func sysusersCreatesTheUser() async throws {
        let tool = ["/usr/bin/systemd-sysusers", "/bin/systemd-sysusers"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool else { return }  // the file's content is checked in systemdUnits above
        // Installed as the README says, into an empty root folder: /usr/lib/sysusers.d/newswire.conf.
        let root = try TemporaryDirectory(prefix: "newswire-sysusers")
        let folder = root.url.appendingPathComponent("usr/lib/sysusers.d")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.url.appendingPathComponent("etc"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.root.appendingPathComponent("deploy/systemd/newswire.sysusers"), to: folder.appendingPathComponent("newswire.conf"))
        let result = try await runCommand(tool, ["--root=\(root.url.path)", "newswire.conf"])
        #expect(result.status == 0, "\(result.stderr)")
        let passwd = try String(contentsOf: root.url.appendingPathComponent("etc/passwd"), encoding: .utf8)
        let user = try #require(passwd.split(separator: "\n").first { $0.hasPrefix("newswire:") }, "no newswire user in \(passwd)")
        let fields = user.split(separator: ":", omittingEmptySubsequences: false)
        #expect(fields.count == 7 && fields[5] == "/var/lib/newswire" && fields[6].hasSuffix("nologin"), "\(user)")
        let group = try String(contentsOf: root.url.appendingPathComponent("etc/group"), encoding: .utf8)
        #expect(group.split(separator: "\n").contains { $0.hasPrefix("newswire:") }, "no newswire group: the units set Group=newswire")
    }
}
