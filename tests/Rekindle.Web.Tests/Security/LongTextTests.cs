using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>
/// Long text is kept within its limit in the browser (issue 23, finding 10): every text area a signed-in person
/// can reach says its maxlength, the page script shows a count beside it, and the letters list is paged.
/// </summary>
public sealed class LongTextTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_text_area_has_a_maxlength_and_the_page_script_counts_it()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("long-text"));
        await browser.SaveSituationAsync();
        var missing = new List<string>();
        var areas = 0;
        foreach (var url in await FormCrawler.SignedInPagesAsync(app, browser))
        {
            var html = (await browser.GetAsync(url)).Html;
            foreach (Match textarea in Regex.Matches(html, "<textarea[^>]*>"))
            {
                areas++;
                if (!Regex.IsMatch(textarea.Value, "maxlength=\"[1-9][0-9]*\""))
                {
                    missing.Add($"{url}: {textarea.Value}");
                }
            }
        }

        Assert.True(areas >= 8, $"Only {areas} text areas were found");
        Assert.True(missing.Count == 0, "Text areas without maxlength: " + string.Join("; ", missing));
        var script = await browser.Client.GetStringAsync("/js/site.js");
        Assert.Contains("textarea[maxlength]", script, StringComparison.Ordinal);
        Assert.Contains("data-char-count", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_letters_list_is_paged_like_the_incident_log()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("letters-pages"));
        for (var i = 1; i <= 25; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            var saved = await browser.Client.PostAsJsonAsync("/api/v1/letters", new { body = $"Letter number {i:00} that stays unsent." });
            Assert.True(saved.IsSuccessStatusCode, $"Saving letter {i} answered {(int)saved.StatusCode}");
        }

        var first = await browser.GetAsync("/letters");
        Assert.Equal(20, Regex.Count(first.Html, "Letter number"));
        Assert.Contains("Letter number 25", first.Html, StringComparison.Ordinal);
        Assert.True(first.Has("older"));
        Assert.False(first.Has("newer"));

        var second = await browser.GetAsync("/letters?page=2");
        Assert.Equal(5, Regex.Count(second.Html, "Letter number"));
        Assert.Contains("Letter number 01", second.Html, StringComparison.Ordinal);
        Assert.True(second.Has("newer"));
        Assert.False(second.Has("older"));

        // Past the end is the last page; a search pages what it found.
        Assert.Equal(5, Regex.Count((await browser.GetAsync("/letters?page=99")).Html, "Letter number"));
        Assert.Equal(1, Regex.Count((await browser.GetAsync("/letters?q=number%2007")).Html, "Letter number"));
    }
}
