using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Rekindle.Web.Tests.Security;

/// <summary>
/// Every page's form body is capped at 1 MB with the 413 page (issue 23, finding 10; docs/adr/0004): the
/// pages are read from the app's own endpoints, so a new page is covered without being listed here. Only the
/// Settings import may send more.
/// </summary>
public sealed class PageBodyLimitTests(KestrelSqliteApp app) : IClassFixture<KestrelSqliteApp>
{
    private const int JustOverOneMegabyte = 1100 * 1024;

    private static StringContent Form(int bytes) =>
        new("Input.Body=" + new string('w', bytes), Encoding.ASCII, "application/x-www-form-urlencoded");

    private List<string> PagePosts() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
                || e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => new EndpointCall(e.RoutePattern.RawText!.TrimStart('/'), "POST", true, false).Url())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public async Task Every_page_refuses_a_form_over_one_megabyte_with_the_413_page()
    {
        var pages = PagePosts();
        Assert.True(pages.Count > 30, $"Only {pages.Count} pages were found");
        using var client = await app.SignedInNetworkClientAsync();
        // The server answers 413 without reading the body; waiting for "100 Continue" before sending it means the
        // client reads that answer instead of racing to write into a connection the server has already closed.
        client.DefaultRequestHeaders.ExpectContinue = true;
        var accepted = new List<string>();
        foreach (var url in pages.Append("/settings?handler=Delete").Append("/settings?handler=SignOutEverywhere"))
        {
            using var response = await client.PostAsync(url, Form(JustOverOneMegabyte));
            if (response.StatusCode != HttpStatusCode.RequestEntityTooLarge
                || !(await response.Content.ReadAsStringAsync()).Contains("larger than Rekindle accepts", StringComparison.Ordinal))
            {
                accepted.Add($"{url} answered {(int)response.StatusCode}");
            }
        }

        Assert.True(accepted.Count == 0, "Pages that took more than 1 MB: " + string.Join("; ", accepted));
    }

    [Fact]
    public async Task The_settings_import_alone_still_takes_more_than_one_megabyte()
    {
        using var client = await app.SignedInNetworkClientAsync();
        var settings = await client.GetStringAsync("/settings");
        var token = System.Text.RegularExpressions.Regex.Match(settings, "name=\"__rvt\"[^>]*value=\"(?<v>[^\"]+)\"").Groups["v"].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__rvt" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("{\"padding\":\"" + new string('i', 2 * 1024 * 1024) + "\"}")), "file", "export.json" },
        };
        using var response = await client.PostAsync("/settings?handler=Import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Rekindle export", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
