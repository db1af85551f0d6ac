using System.Net;
using System.Text;

namespace Rekindle.Web.Tests.Security;

/// <summary>
/// Request size limits on real Kestrel (docs/adr/0004-request-limits.md): 1 MB for any body, 64 KB for the
/// JSON API, 50 MB for the data import only. Too large answers 413 with a plain message; nothing is saved.
/// </summary>
public sealed class RequestLimitTests(KestrelSqliteApp app) : IClassFixture<KestrelSqliteApp>
{
    private static StringContent Form(int bytes) =>
        new("Input.Email=a%40example.test&Input.Password=" + new string('p', bytes), Encoding.ASCII, "application/x-www-form-urlencoded");

    [Fact]
    public async Task A_form_over_one_megabyte_answers_413_with_a_clear_message()
    {
        using var client = app.NewNetworkClient();
        using var response = await client.PostAsync("/account/login", Form(1024 * 1024 + 1));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("larger than Rekindle accepts", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_just_under_the_limit_is_read_and_answered_normally()
    {
        using var client = app.NewNetworkClient();
        using var response = await client.PostAsync("/account/login", Form(1000 * 1000));
        // No antiforgery token: the form is read and refused as expired, which shows the body got through.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("larger than Rekindle accepts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_body_over_64_kilobytes_answers_413_and_saves_nothing()
    {
        using var client = await app.SignedInNetworkClientAsync();
        var body = "{\"body\":\"" + new string('l', 70 * 1024) + "\"}";
        using var response = await client.PostAsync("/api/v1/letters", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("[]", (await client.GetStringAsync("/api/v1/letters")).Trim());
    }

    [Fact]
    public async Task Json_nested_deeper_than_the_limit_answers_400()
    {
        using var client = await app.SignedInNetworkClientAsync();
        var body = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        using var response = await client.PostAsync("/api/v1/letters", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_import_accepts_more_than_one_megabyte()
    {
        using var client = await app.SignedInNetworkClientAsync();
        // Valid JSON, 2 MB, but not an export: refused for what it is, not for its size.
        var body = "{\"padding\":\"" + new string('i', 2 * 1024 * 1024) + "\"}";
        using var response = await client.PostAsync("/api/v1/account/import", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Contains("isn't a Rekindle export", System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_form_fields_than_the_limit_answer_400_not_500()
    {
        using var client = app.NewNetworkClient();
        var fields = string.Join("&", Enumerable.Range(0, 1000).Select(i => $"f{i}=x"));
        using var response = await client.PostAsync("/account/login", new StringContent(fields, Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
