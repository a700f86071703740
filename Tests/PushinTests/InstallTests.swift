import Foundation
import Testing
import TestSupport

/// `scripts/install` with the binary under test (`--binary`), into a temporary prefix.
@Suite struct InstallTests {
    static let files = [
        "bin/pushin", "share/man/man1/pushin.1", "share/bash-completion/completions/pushin",
        "share/zsh/site-functions/_pushin", "share/fish/vendor_completions.d/pushin.fish",
        "share/pushin/pushin.bash", "share/pushin/pushin.zsh", "share/pushin/pushin.fish",
    ]

    /// Runs scripts/install with `arguments`.
    static func install(_ arguments: [String], environment: [String: String] = [:]) throws -> ShellRunner.Output {
        let script = Pushin.packageRoot.appendingPathComponent("scripts/install").path
        return try ShellRunner.run([script, "--binary", Pushin.binary.path] + arguments, environment: environment)
    }

    /// The regular files under `folder`, relative to it, sorted.
    static func files(under folder: URL) -> [String] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        return (walker?.compactMap { item -> String? in
            guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { return nil }
            return String(url.path.dropFirst(folder.path.count + 1))
        } ?? []).sorted()
    }

    @Test func installsEveryFileRunsAndUninstallsToNothing() throws {
        let prefix = try Pushin.temporaryFolder()
        let installed = try Self.install(["--prefix", prefix.path])
        #expect(installed.status == 0, "\(installed.text)")
        #expect(installed.text.contains("is not on your PATH"))
        #expect(Self.files(under: prefix) == Self.files.sorted())
        let binary = prefix.appendingPathComponent("bin/pushin").path
        let attributes = try FileManager.default.attributesOfItem(atPath: binary)
        #expect((attributes[.posixPermissions] as? Int) == 0o755)
        #expect(try ShellRunner.run([binary, "--version"]).status == 0)
        // init sources the installed script rather than printing it.
        let snippet = try ShellRunner.run([binary, "init", "bash"]).text
        #expect(snippet.contains("source '\(prefix.path)/share/pushin/pushin.bash'"), "\(snippet)")
        // Each shell's completion loads and completes an option.
        let share = prefix.appendingPathComponent("share").path
        let bash = try ShellRunner.run(["bash", "-c", """
            source '\(share)/bash-completion/completions/pushin'; COMP_WORDS=(pushin convert --ba); COMP_CWORD=2
            _pushin pushin --ba convert; echo "${COMPREPLY[@]}"
            """])
        #expect(bash.text.contains("--background"), "\(bash.text)")
        let fish = try ShellRunner.run(["fish", "-c", "source '\(share)/fish/vendor_completions.d/pushin.fish'; complete -C 'pushin convert --ba'"])
        #expect(fish.text.hasPrefix("--background"), "\(fish.text)")
        let zsh = try ShellRunner.run(["zsh", "-c", "fpath=('\(share)/zsh/site-functions' $fpath); autoload -U compinit; compinit -u -D; print -r -- $_comps[pushin]"])
        #expect(zsh.text == "_pushin\n", "\(zsh.text)")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/man") {
            let manual = try ShellRunner.run(["man", "-l", "\(share)/man/man1/pushin.1"], environment: ["MANPAGER": "cat", "PAGER": "cat"])
            #expect(manual.text.contains("--max-pixels"))
        }
        let removed = try Self.install(["--prefix", prefix.path, "--uninstall"])
        #expect(removed.status == 0 && removed.text.contains("removed 8 files"))
        #expect(Self.files(under: prefix).isEmpty)
    }

    @Test func destdirGoesBeforeThePrefix() throws {
        let stage = try Pushin.temporaryFolder()
        let installed = try Self.install(["--prefix", "/usr/local"], environment: ["DESTDIR": stage.path])
        #expect(installed.status == 0, "\(installed.text)")
        #expect(Self.files(under: stage) == Self.files.map { "usr/local/" + $0 }.sorted())
    }

    @Test func initPrintsTheScriptItselfWhenNoneIsInstalled() throws {
        for shell in ["bash", "zsh", "fish"] {
            let printed = try Pushin.run(["init", shell]).standardOutput
            let script = try String(
                contentsOf: Pushin.packageRoot.appendingPathComponent("shell/pushin.\(shell)"), encoding: .utf8)
            #expect(printed == script, "\(shell)")
        }
    }

    /// StartupScripts.swift is what Tools/embed-startup-scripts.py makes of shell/ today.
    @Test func embeddedScriptsMatchShellFolder() throws {
        let tool = Pushin.packageRoot.appendingPathComponent("Tools/embed-startup-scripts.py").path
        let check = try ShellRunner.run(["python3", tool, "--check"])
        #expect(check.status == 0, "\(check.text)")
    }
}
