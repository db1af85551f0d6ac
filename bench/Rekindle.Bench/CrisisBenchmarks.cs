using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rekindle.Core.Safety;
using Rekindle.Language;

namespace Rekindle.Bench;

/// <summary>p50 and p95 beside the mean: the crisis reader's goal is a p95, and a journal save's is a p99.</summary>
public sealed class PercentileConfig : ManualConfig
{
    public PercentileConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
}

/// <summary>
/// The crisis reader on texts of 200 and 2,000 characters, against the rules layer alone on the same 2,000
/// characters (the baseline, measured in the same run). The long text is an ordinary journal entry of about twenty
/// different sentences with one worrying sentence in the middle, the case the word gate and the sentence choice exist for.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class CrisisReaderBenchmarks
{
    public static readonly string Short = Fit(
        "Long day. Work was fine but I kept checking her stories and then felt stupid about it. Tonight I just want to sleep and not think about any of it for a while.", 200);

    public static readonly string Long = Fit(
        "Woke up before the alarm again and lay there for a while listening to the rain on the skylight. Made coffee, burnt the toast, "
        + "ate it anyway. The bus was late so I walked the long way past the bakery where we used to get croissants on Saturdays. "
        + "Work was a blur of spreadsheets and a meeting that could have been an email. Sam asked if I wanted to get lunch and I said "
        + "yes for once, and we sat on the steps outside the library and talked about her sister's wedding. It was nice to think about "
        + "someone else's life for an hour. In the afternoon I caught myself opening his profile twice and closed it both times. "
        + "That felt like something. My manager said the report was good, which I did not expect. On the way home I bought a plant "
        + "for the kitchen windowsill because the flat looks bare since half the shelves went with him. Some nights I wonder if anyone "
        + "would notice if I was gone. Mum rang and asked about Christmas plans and I told her I would come up for a few days. "
        + "She sounded relieved. I made soup from the vegetables that were about to turn and watched two episodes of the baking show. "
        + "The contestant who cried over her sponge made me cry too, which is ridiculous. My sister sent a voice note about her cat "
        + "getting stuck behind the washing machine. I laughed properly for the first time in days. I tidied the desk, paid the "
        + "electricity bill and wrote three things I am grateful for in the notebook my friend gave me. Tomorrow I have the dentist "
        + "at nine and then I want to try the climbing wall again with Priya if my arms have forgiven me from last week. "
        + "Going to read for a bit and try to sleep before midnight for a change. Before that I want to text Jo back about the "
        + "concert in March, and put the bins out, because I forgot last week and the whole landing smelled of it. "
        + "The neighbour's kid was practising the trumpet again, badly but with real commitment, and I found I did not mind it as much as "
        + "I used to. Little by little.", 2000);

    private CrisisReader reader = null!;

    [GlobalSetup]
    public void Setup()
    {
        var model = CrisisClassifier.Load(Path.Combine(AppContext.BaseDirectory, "content", "safety", "crisis-model.bin"));
        reader = new CrisisReader(MiniLmEmbedder.Shared, model);
        reader.Read("warm up");
    }

    [Benchmark(Baseline = true, Description = "rules alone, 2,000 characters")]
    public CrisisReading RulesOnly() => CrisisReader.RulesOnly.Read(Long);

    [Benchmark(Description = "reader, 200 characters")]
    public CrisisReading ShortText() => reader.Read(Short);

    [Benchmark(Description = "reader, 2,000 characters")]
    public CrisisReading LongText() => reader.Read(Long);

    private static string Fit(string text, int length) => text.Length >= length ? text[..length] : text + new string(' ', length - text.Length);
}

/// <summary>
/// A journal save through the whole app (POST /api/v1/journal, 600 characters) with the crisis reader and with the
/// rules layer alone (the baseline), both hosted in this process and measured in the same run.
/// </summary>
[Config(typeof(PercentileConfig))]
public class JournalSaveBenchmarks
{
    private const string Entry = "Today was better than yesterday. I went for a run by the canal in the morning and it cleared my head a bit. "
        + "Work was busy, which helped, and I had lunch with Priya who made me laugh about her disastrous date. In the evening I felt "
        + "the pull to check his profile again and I didn't. I wrote in here instead. I still miss him most when the flat is quiet, "
        + "but I can feel that it is a little less sharp than last week. Tomorrow I want to call my sister and maybe go to the "
        + "climbing wall. I am proud of small things today: I ate properly, I went outside, and I did not send the message.";

    private readonly List<(WebApplicationFactory<Program> App, string Directory)> apps = [];
    private HttpClient withReader = null!;
    private HttpClient rulesOnly = null!;

    [GlobalSetup]
    public void Setup()
    {
        withReader = SignedIn(useReader: true);
        rulesOnly = SignedIn(useReader: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var (app, directory) in apps)
        {
            app.Dispose();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Benchmark(Baseline = true, Description = "journal save, rules alone")]
    public Task<int> SaveRulesOnly() => SaveAsync(rulesOnly);

    [Benchmark(Description = "journal save, crisis reader")]
    public Task<int> SaveWithReader() => SaveAsync(withReader);

    private static async Task<int> SaveAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/v1/journal", JsonContent.Create(new { kind = "free", body = Entry }));
        return response.IsSuccessStatusCode ? (int)response.StatusCode : throw new InvalidOperationException($"answered {(int)response.StatusCode}");
    }

    private HttpClient SignedIn(bool useReader)
    {
        var directory = Path.Combine(Path.GetTempPath(), "rekindle-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var app = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            host.UseSetting("Rekindle:DataDirectory", directory);
            host.UseSetting("Rekindle:AccountRequestsPerMinute", "1000000");
            host.UseSetting("Logging:LogLevel:Default", "Warning");
            if (!useReader)
            {
                host.ConfigureServices(services =>
                {
                    services.RemoveAll<CrisisReader>();
                    services.AddSingleton(CrisisReader.RulesOnly);
                });
            }
        });
        apps.Add((app, directory));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true });
        client.PostAsync("/api/v1/auth/register", JsonContent.Create(new { email = $"{Guid.NewGuid():N}@bench.test", password = "bench lantern orchard" })).GetAwaiter().GetResult().EnsureSuccessStatusCode();
        SaveAsync(client).GetAwaiter().GetResult();
        return client;
    }
}
