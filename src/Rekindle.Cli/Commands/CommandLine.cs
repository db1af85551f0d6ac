namespace Rekindle.Cli.Commands;

public static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public const string Help = """
        rekindle: tools for running and using Rekindle.

        Usage:
          rekindle coach draft --stage <stage> [--json]   Read a draft message on standard input and coach it.
          rekindle coach draft --batch                    Coach JSON Lines {"id", "stage", "text"} from standard input.
          rekindle safety train                           Retrain the crisis reader from its corpus and print the figures.
          rekindle safety read [--ex]                     Read standard input with the crisis reader.
          rekindle db script --provider sqlite|postgres   Print the schema the EF model expects (for writing migrations).
          rekindle backup FILE                            Copy the SQLite database to FILE while the app runs.
          rekindle restore FILE                           Replace the SQLite database with a backup (stop the app first).

        Run `rekindle <command> --help` for more.
        """;

    public static async Task<int> RunAsync(string[] args, Stream input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            await error.WriteLineAsync(Help);
            return args.Length == 0 ? Usage : Ok;
        }

        return args[0] switch
        {
            "coach" => await CoachCommands.RunAsync(args[1..], input, output, error),
            "safety" => await SafetyCommands.RunAsync(args[1..], input, output, error),
            "db" => await DbCommands.RunAsync(args[1..], output, error),
            "backup" when args.Length > 1 && args[1] is "--help" or "-h" => await HelpAsync(BackupCommands.BackupHelp, error),
            "restore" when args.Length > 1 && args[1] is "--help" or "-h" => await HelpAsync(BackupCommands.RestoreHelp, error),
            "backup" => await BackupCommands.BackupAsync(args[1..], output, error),
            "restore" => await BackupCommands.RestoreAsync(args[1..], output, error),
            _ => await UnknownAsync(args[0], error),
        };
    }

    private static async Task<int> HelpAsync(string help, TextWriter error)
    {
        await error.WriteLineAsync(help);
        return Ok;
    }

    private static async Task<int> UnknownAsync(string command, TextWriter error)
    {
        await error.WriteLineAsync($"rekindle: unknown command \"{command}\".");
        await error.WriteLineAsync(Help);
        return Usage;
    }
}
