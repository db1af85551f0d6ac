using System.Text;
using System.Text.Json;
using Rekindle.Cli.Commands;

namespace Rekindle.Cli.Tests;

/// <summary>`rekindle coach draft` through the same entry point the executable uses.</summary>
public sealed class CoachCommandTests
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(byte[] input, params string[] args)
    {
        using var stdin = new MemoryStream(input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(args, stdin, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static Task<(int Exit, string Output, string Error)> RunAsync(string input, params string[] args) =>
        RunAsync(Encoding.UTF8.GetBytes(input), args);

    [Fact]
    public async Task A_draft_gets_a_readable_report()
    {
        var (exit, output, error) = await RunAsync("I miss you so much, pls come back", "coach", "draft", "--stage", "first-contact");
        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.StartsWith("Verdict: revise (first-contact)", output, StringComparison.Ordinal);
        Assert.Contains("declaration: \"I miss you\"", output, StringComparison.Ordinal);
        Assert.Contains("begging: \"pls come back\"", output, StringComparison.Ordinal);
        Assert.Contains("Instead:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_boundary_stage_is_accepted_alone_and_in_a_batch()
    {
        var (exit, output, error) = await RunAsync("Keys are with Sam. I'm so sorry for everything.", "coach", "draft", "--stage", "boundary");
        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.StartsWith("Verdict: revise (boundary)", output, StringComparison.Ordinal);
        Assert.Contains("apology: \"I'm so sorry\"", output, StringComparison.Ordinal);

        var (cleanExit, clean, _) = await RunAsync("pick up at 5 on saturday?", "coach", "draft", "--stage", "boundary", "--json");
        Assert.Equal(0, cleanExit);
        using (var json = JsonDocument.Parse(clean))
        {
            Assert.Equal("send", json.RootElement.GetProperty("verdict").GetString());
        }

        var (batchExit, batch, _) = await RunAsync("""{"id": 1, "stage": "boundary", "text": "Handover at 6. We should grab a coffee sometime."}""" + "\n", "coach", "draft", "--batch");
        Assert.Equal(0, batchExit);
        Assert.Contains("reconnection", batch, StringComparison.Ordinal);
        Assert.Contains("boundary", CoachCommands.Help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_is_one_object_with_the_documented_shape()
    {
        var (exit, output, _) = await RunAsync("hello??? answer me", "coach", "draft", "--stage", "reconnecting", "--json");
        Assert.Equal(0, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("revise", json.RootElement.GetProperty("verdict").GetString());
        var finding = json.RootElement.GetProperty("findings")[0];
        Assert.Equal(["category", "severity", "start", "length", "explanation"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal("pressure", finding.GetProperty("category").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.True(json.RootElement.GetProperty("suggestions").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Batch_answers_every_line_in_order_and_survives_bad_ones()
    {
        var input = new List<byte>();
        input.AddRange(Encoding.UTF8.GetBytes("""
            {"id": 1, "stage": "the-talk", "text": "I'd like to talk about what a healthier us could look like."}
            {"id": 2, "stage": "first-contact", "text": "I'd like to talk about what a healthier us could look like."}
            this is not json
            {"id": "x", "stage": "second-date", "text": "hi"}
            {"stage": "first-contact", "text": ""}

            """));
        input.AddRange([0xC3, 0x28, (byte)'\n']);
        input.AddRange(Encoding.UTF8.GetBytes("""{"id": 7, "stage": "together", "text": "I want to die"}""" + "\n"));
        var (exit, output, error) = await RunAsync([.. input], "coach", "draft", "--batch");
        Assert.Equal(0, exit);
        Assert.Empty(error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(7, lines.Count);
        Assert.Equal("send", lines[0].GetProperty("verdict").GetString());
        Assert.Equal(1, lines[0].GetProperty("id").GetInt32());
        Assert.Equal("revise", lines[1].GetProperty("verdict").GetString());
        Assert.Equal(3, lines[2].GetProperty("line").GetInt32());
        Assert.Contains("not valid JSON", lines[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("x", lines[3].GetProperty("id").GetString());
        Assert.Contains("stage", lines[3].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, lines[4].GetProperty("line").GetInt32());
        Assert.Contains("UTF-8", lines[5].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("wait", lines[6].GetProperty("verdict").GetString());
        Assert.Equal("self-harm", lines[6].GetProperty("findings")[0].GetProperty("category").GetString());
    }

    public static TheoryData<byte[], string[], string> BadInputs() => new()
    {
        { Encoding.UTF8.GetBytes("hello"), ["coach", "draft", "--stage", "second-date"], "unknown stage" },
        { Encoding.UTF8.GetBytes("hello"), ["coach", "draft"], "--stage is required" },
        { Encoding.UTF8.GetBytes("   \n"), ["coach", "draft", "--stage", "first-contact"], "Write the message first" },
        { [], ["coach", "draft", "--stage", "first-contact"], "Write the message first" },
        { [0x68, 0x69, 0xFF, 0xFE], ["coach", "draft", "--stage", "first-contact"], "not valid UTF-8" },
        { Encoding.UTF8.GetBytes(new string('a', 1024 * 1024 + 1)), ["coach", "draft", "--stage", "first-contact"], "larger than" },
        { Encoding.UTF8.GetBytes(new string('a', 20_000)), ["coach", "draft", "--stage", "first-contact"], "up to 10,000 characters" },
        { Encoding.UTF8.GetBytes("hello"), ["coach", "draft", "--stage", "first-contact", "--colour"], "unknown option" },
        { [], ["coach", "draft", "--batch"], "no input" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_a_clear_error_with_exit_2_and_nothing_on_standard_output(byte[] input, string[] args, string message)
    {
        var (exit, output, error) = await RunAsync(input, args);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_on_standard_error_and_succeeds()
    {
        var (exit, output, error) = await RunAsync("", "coach", "--help");
        Assert.Equal(0, exit);
        Assert.Empty(output);
        Assert.Contains("--batch", error, StringComparison.Ordinal);
    }
}
