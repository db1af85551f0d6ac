using System.Text;
using System.Text.Json;
using Rekindle.Core.Coach;

namespace Rekindle.Cli.Commands;

/// <summary>
/// `rekindle coach draft`: the message coach on standard input. Exit 0 with a report, 2 with a clear message on
/// standard error (and nothing on standard output) for bad usage or bad input.
/// </summary>
public static class CoachCommands
{
    /// <summary>Standard input is read up to this many bytes; more is refused rather than read without end.</summary>
    public const int MaxInputBytes = 1024 * 1024;

    public const string Help = """
        rekindle coach draft --stage <stage> [--json]
            Reads a draft message on standard input and says whether it fits the stage, what to change and why.
        rekindle coach draft --batch
            Reads JSON Lines {"id", "stage", "text"} on standard input; writes one JSON line per input, in order.
        rekindle coach corpus [--sentences DIR] [--out FILE]
            Builds the labelled drafts (default content/coach/drafts.tsv) from the team's sentences (content/coach/sentences).
        rekindle coach train [--cache FILE] [--out FILE] [--mistakes FILE] [--epochs N] [--rate R] [--decay D] [--no-neighbours] [--refit]
            Retrains the learned layer on the corpus's train part, chooses its threshold on the dev part, prints the
            figures for each part (the test part is held apart) and writes content/coach/coach-model.bin.
        rekindle coach measure [--cache FILE] [--model FILE] [--embedded N]
            Measures the shipped (or given) model on each part, and the patterns alone, without retraining.

        Stages: no-contact, limited-contact, first-contact, reconnecting, inviting, the-talk, together, boundary.
        Exit codes: 0 done, 2 bad usage or bad input (a message on standard error, nothing on standard output).
        """;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string[] args, Stream input, TextWriter output, TextWriter error)
    {
        if (args.Length > 0 && args[0] is "corpus" or "train" or "measure" && !args.Contains("--help"))
        {
            return await CoachTrainingCommands.RunAsync(args, output, error);
        }

        if (args.Length == 0 || args[0] is "--help" or "-h" || args[0] != "draft" || args.Contains("--help") || args.Contains("-h"))
        {
            await error.WriteLineAsync(Help);
            return args.Length > 0 && args[0] is "--help" or "-h" || args.Contains("--help") ? CommandLine.Ok : CommandLine.Usage;
        }

        var options = args[1..];
        var unknown = options.Where(o => o.StartsWith("--", StringComparison.Ordinal) && o is not "--stage" and not "--json" and not "--batch").ToList();
        if (unknown.Count > 0)
        {
            return await FailAsync(error, $"unknown option {unknown[0]}.");
        }

        if (options.Contains("--batch"))
        {
            return await BatchAsync(input, output, error);
        }

        var bytes = await ReadLimitedAsync(input);
        if (bytes is null)
        {
            return await FailAsync(error, $"the input is larger than {MaxInputBytes / 1024} KB. Send a single message draft, not a whole conversation.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return await FailAsync(error, "the input is not valid UTF-8. Save the draft as UTF-8 text and try again.");
        }

        var stageId = DbCommands.Option(options, "--stage");
        if (stageId is null)
        {
            return await FailAsync(error, "--stage is required (or --batch). Stages: " + string.Join(", ", CoachIds.AllStageIds) + ".");
        }

        if (!CoachIds.TryParseStage(stageId, out var stage))
        {
            return await FailAsync(error, $"unknown stage \"{stageId}\". Stages: {string.Join(", ", CoachIds.AllStageIds)}.");
        }

        text = text.TrimStart('\uFEFF');
        if (DraftCoach.Problem(text) is { } problem)
        {
            return await FailAsync(error, problem);
        }

        var report = CliCoachReader.Analyze(text, stage);
        if (options.Contains("--json"))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(ToJson(report, withSuggestions: true), Json));
        }
        else
        {
            await output.WriteAsync(Readable(text, report));
        }

        return CommandLine.Ok;
    }

    /// <summary>Streams JSON Lines: each line is read, coached and written before the next is read.</summary>
    private static async Task<int> BatchAsync(Stream input, TextWriter output, TextWriter error)
    {
        var lineNumber = 0;
        var any = false;
        await foreach (var (bytes, tooLong) in Lines(input))
        {
            lineNumber++;
            Dictionary<string, object?> result;
            if (tooLong)
            {
                result = Error(null, lineNumber, $"this line is larger than {MaxInputBytes / 1024} KB.");
            }
            else
            {
                string line;
                try
                {
                    line = StrictUtf8.GetString(bytes).TrimStart('\uFEFF').TrimEnd('\r');
                }
                catch (DecoderFallbackException)
                {
                    result = Error(null, lineNumber, "this line is not valid UTF-8.");
                    await output.WriteLineAsync(JsonSerializer.Serialize(result, Json));
                    any = true;
                    continue;
                }

                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                result = BatchLine(line, lineNumber);
            }

            any = true;
            await output.WriteLineAsync(JsonSerializer.Serialize(result, Json));
        }

        await output.FlushAsync();
        return any ? CommandLine.Ok : await FailAsync(error, "no input: send one JSON object per line.");
    }

    /// <summary>Splits the input on newlines as bytes, so one bad line can't stop the rest; a line past the limit is skipped to its end.</summary>
    private static async IAsyncEnumerable<(byte[] Bytes, bool TooLong)> Lines(Stream input)
    {
        var line = new MemoryStream();
        var tooLong = false;
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk)) > 0)
        {
            var from = 0;
            for (var i = 0; i < read; i++)
            {
                if (chunk[i] != (byte)'\n')
                {
                    continue;
                }

                Append(line, chunk, from, i - from, ref tooLong);
                yield return (line.ToArray(), tooLong);
                line.SetLength(0);
                tooLong = false;
                from = i + 1;
            }

            Append(line, chunk, from, read - from, ref tooLong);
        }

        if (line.Length > 0 || tooLong)
        {
            yield return (line.ToArray(), tooLong);
        }
    }

    private static void Append(MemoryStream line, byte[] chunk, int from, int count, ref bool tooLong)
    {
        if (tooLong || line.Length + count > MaxInputBytes)
        {
            tooLong = true;
            line.SetLength(0);
            return;
        }

        line.Write(chunk, from, count);
    }

    private static Dictionary<string, object?> BatchLine(string line, int lineNumber)
    {
        JsonElement item;
        try
        {
            item = JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (JsonException)
        {
            return Error(null, lineNumber, "this line is not valid JSON.");
        }

        if (item.ValueKind != JsonValueKind.Object)
        {
            return Error(null, lineNumber, "each line must be a JSON object with id, stage and text.");
        }

        JsonElement? id = item.TryGetProperty("id", out var idValue) ? idValue : null;
        var stageId = item.TryGetProperty("stage", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var draft = item.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!CoachIds.TryParseStage(stageId, out var stage))
        {
            return Error(id, lineNumber, $"unknown or missing stage. Stages: {string.Join(", ", CoachIds.AllStageIds)}.");
        }

        if (DraftCoach.Problem(draft) is { } problem)
        {
            return Error(id, lineNumber, problem);
        }

        var report = CliCoachReader.Analyze(draft!, stage);
        var result = new Dictionary<string, object?> { ["id"] = id };
        foreach (var (key, value) in ToJson(report, withSuggestions: false))
        {
            result[key] = value;
        }

        return result;
    }

    private static Dictionary<string, object?> Error(JsonElement? id, int lineNumber, string message) =>
        id is { } value ? new() { ["id"] = value, ["error"] = message } : new() { ["line"] = lineNumber, ["error"] = message };

    public static Dictionary<string, object?> ToJson(DraftReport report, bool withSuggestions)
    {
        var json = new Dictionary<string, object?>
        {
            ["verdict"] = report.Verdict.Id(),
            ["findings"] = report.Findings.Select(f => new Dictionary<string, object>
            {
                ["category"] = f.Category.Id(),
                ["severity"] = f.Severity.Id(),
                ["start"] = f.Start,
                ["length"] = f.Length,
                ["explanation"] = f.Explanation,
            }).ToList(),
        };
        if (withSuggestions)
        {
            json["suggestions"] = report.Suggestions;
        }

        return json;
    }

    private static string Readable(string draft, DraftReport report)
    {
        var text = new StringBuilder();
        text.Append("Verdict: ").Append(report.Verdict.Id()).Append(" (").Append(report.Stage.Id()).AppendLine(")");
        text.AppendLine(report.Summary);
        foreach (var finding in report.Findings)
        {
            var quoted = finding.Length > 60 ? string.Concat(draft.AsSpan(finding.Start, 57), "...") : draft.Substring(finding.Start, finding.Length);
            text.AppendLine().Append("* ").Append(finding.Severity.Id()).Append(", ").Append(finding.Category.Id())
                .Append(": \"").Append(quoted.ReplaceLineEndings(" ")).AppendLine("\"");
            text.Append("  ").AppendLine(finding.Explanation);
        }

        if (report.Suggestions.Count > 0)
        {
            text.AppendLine().AppendLine("Instead:");
            foreach (var suggestion in report.Suggestions)
            {
                text.Append("- ").AppendLine(suggestion);
            }
        }

        return text.ToString();
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream input)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > MaxInputBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task<int> FailAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync("rekindle coach: " + message);
        return CommandLine.Usage;
    }
}
