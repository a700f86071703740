import ArgumentParser

/// The `pushin` command: pictures in, ASCII art out.
@main
struct Pushin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pushin",
        abstract: "Turn pictures into ASCII art for the terminal.",
        discussion: "With no subcommand, pushin converts: `pushin cat.png` is `pushin convert cat.png`.",
        version: "0.1.0",
        subcommands: [Convert.self, CacheCommand.self, RandomCommand.self, InitCommand.self],
        defaultSubcommand: Convert.self)
}
