using Rekindle.Cli.Commands;

// The `rekindle` command. Exit codes: 0 done, 1 failed, 2 bad usage or bad input.
return await CommandLine.RunAsync(args, Console.OpenStandardInput(), Console.Out, Console.Error);
