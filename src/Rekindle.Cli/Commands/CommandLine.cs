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
          rekindle db script --provider sqlite|postgres   Print the schema the EF model expects (for writing migrations).

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
            "db" => await DbCommands.RunAsync(args[1..], output, error),
            _ => await UnknownAsync(args[0], error),
        };
    }

    private static async Task<int> UnknownAsync(string command, TextWriter error)
    {
        await error.WriteLineAsync($"rekindle: unknown command \"{command}\".");
        await error.WriteLineAsync(Help);
        return Usage;
    }
}
