using System.Text.RegularExpressions;
using Rekindle.Web.Tests.Infrastructure;
using Rekindle.Web.Tests.Security;

namespace Rekindle.Web.Tests.Features;

/// <summary>Hebrew or Arabic runs right to left wherever a person types or reads back their own words (dir="auto").</summary>
public sealed partial class TextDirectionTests
{
    [Fact]
    public async Task Every_text_field_on_every_signed_in_page_takes_its_direction_from_what_is_typed()
    {
        await using var app = new ConfiguredSqliteApp(new Dictionary<string, string?>());
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        var pages = await FormCrawler.SignedInPagesAsync(app, browser);
        var fields = 0;
        foreach (var url in pages)
        {
            foreach (Match field in TextField().Matches((await browser.GetAsync(url)).Html))
            {
                fields++;
                Assert.True(field.Value.Contains("dir=\"auto\"", StringComparison.Ordinal), $"{url}: {field.Value}");
            }
        }

        Assert.True(fields >= 5, $"Only {fields} text fields found");
    }

    [Fact]
    public async Task A_journal_entry_and_its_tags_read_back_in_their_own_direction()
    {
        await using var app = new ConfiguredSqliteApp(new Dictionary<string, string?>());
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        const string Hebrew = "היום היה קשה אבל עברתי אותו";

        var saved = await browser.SubmitAsync("/journal/new", new Dictionary<string, string> { ["Input.Kind"] = "Free", ["Input.Body"] = Hebrew, ["Input.Tags"] = "שינה, 💔" });
        Assert.True(saved.Status == System.Net.HttpStatusCode.Redirect, $"Saving answered {(int)saved.Status}: {saved.FieldError("Input.Tags")} {saved.FieldError("Input.Body")}");
        var entry = System.Net.WebUtility.HtmlDecode((await browser.GetAsync(saved.Location!)).Html);
        Assert.Contains("data-testid=\"entry-body\" dir=\"auto\">" + Hebrew, entry, StringComparison.Ordinal);
        Assert.Contains("<a class=\"tag\" dir=\"auto\"", entry, StringComparison.Ordinal);
        Assert.Contains("#💔", entry, StringComparison.Ordinal);
        Assert.Contains("#שינה", entry, StringComparison.Ordinal);
    }

    [GeneratedRegex("<textarea[^>]*>|<input[^>]*type=\"(?:text|search)\"[^>]*>")]
    private static partial Regex TextField();
}
