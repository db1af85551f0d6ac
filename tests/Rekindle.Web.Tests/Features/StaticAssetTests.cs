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

    [GeneratedRegex("""<(?:link rel="stylesheet" href|script src)="(?<url>[^"]+)"[^>]*>""")]
    private static partial Regex AssetAddress();
}
