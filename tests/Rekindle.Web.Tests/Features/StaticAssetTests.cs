using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Rekindle.Web.Tests.Infrastructure;
using Rekindle.Web.Tests.Security;

namespace Rekindle.Web.Tests.Features;

/// <summary>
/// The stylesheet and scripts every page loads are our own files, and their addresses carry a hash of their content,
/// so a browser never keeps running last release's script against this release's pages.
/// </summary>
public sealed partial class StaticAssetTests
{
    [Fact]
    public async Task The_stylesheet_and_scripts_of_every_page_are_local_and_versioned_by_their_content()
    {
        await using var app = new ConfiguredSqliteApp(new Dictionary<string, string?>());
        using var browser = app.NewBrowser();
        var anonymous = await browser.GetAsync("/help");
        await browser.RegisterAsync(Emails.New());
        var signedIn = await browser.GetAsync("/dashboard");
        // Every page renders through the one layout; a page from before and after sign-in covers both of its branches.

        foreach (var page in new[] { anonymous, signedIn })
        {
            var assets = AssetAddress().Matches(page.Html).Select(match => WebUtility.HtmlDecode(match.Groups["url"].Value)).ToList();
            Assert.Equal(["/css/site.css", "/js/site.js", "/js/lock.js"], assets.Select(url => url.Split('?')[0]));
            foreach (var url in assets)
            {
                var version = QueryHelpers.ParseQuery(new Uri(new Uri("https://localhost"), url).Query)["v"].ToString();
                var content = await browser.Client.GetByteArrayAsync(url);
                Assert.Equal(WebEncoders.Base64UrlEncode(SHA256.HashData(content)), version);
            }
        }
    }

    [Fact]
    public async Task Versioned_files_are_cached_for_a_year_and_compressed_while_pages_are_neither()
    {
        await using var app = new ConfiguredSqliteApp(new Dictionary<string, string?>());
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        var page = await browser.GetAsync("/dashboard");
        var assets = AssetAddress().Matches(page.Html).Select(match => WebUtility.HtmlDecode(match.Groups["url"].Value)).ToList();
        Assert.Equal(3, assets.Count);
        foreach (var url in assets)
        {
            foreach (var encoding in new[] { "br", "gzip" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.AcceptEncoding.ParseAdd(encoding);
                using var response = await browser.Client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
                Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
                var plain = await browser.Client.GetByteArrayAsync(url);
                Assert.True(response.Content.Headers.ContentLength is null || response.Content.Headers.ContentLength < plain.Length, $"{url} {encoding} is not smaller");
            }
        }

        // Without the content hash the browser asks again each time; without Accept-Encoding the file comes plain.
        using var unversioned = await browser.Client.GetAsync("/css/site.css");
        Assert.Equal("no-cache", unversioned.Headers.CacheControl?.ToString());
        Assert.Empty(unversioned.Content.Headers.ContentEncoding);

        // Pages carry a form token: never compressed, and signed-in ones never stored.
        using var html = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        html.Headers.AcceptEncoding.ParseAdd("br");
        html.Headers.AcceptEncoding.ParseAdd("gzip");
        using var dashboard = await browser.Client.SendAsync(html);
        Assert.Empty(dashboard.Content.Headers.ContentEncoding);
        Assert.True(dashboard.Headers.CacheControl?.NoStore);
    }

    [GeneratedRegex("""<(?:link rel="stylesheet" href|script src)="(?<url>[^"]+)"[^>]*>""")]
    private static partial Regex AssetAddress();
}
