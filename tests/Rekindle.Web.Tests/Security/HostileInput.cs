using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Rekindle.Web.Tests.Security;

/// <summary>
/// One hostile value. <see cref="Text"/> is what a person could type; <see cref="RawFormValue"/>, when set, is sent
/// as-is in a form body instead (percent-encoded bytes that are not UTF-8).
/// </summary>
public sealed record HostileValue(string Label, string Text, string? RawFormValue = null)
{
    /// <summary>Markup that must never come back unencoded.</summary>
    public bool IsMarkup => Text.Contains('<', StringComparison.Ordinal) && Text.Length < 100_000;

    /// <summary>The value form-encoded: the raw bytes if given, else UTF-8 (a lone surrogate becomes U+FFFD).</summary>
    public string FormEncoded => RawFormValue ?? PercentEncode(Encoding.UTF8.GetBytes(Text));

    public override string ToString() => $"{Label}: {(Text.Length > 80 ? Text[..80] + $"... ({Text.Length:N0} chars)" : Text)}";

    public static string PercentEncode(byte[] bytes)
    {
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}

/// <summary>A hostile request body for a JSON endpoint.</summary>
public sealed record HostileBody(string Label, byte[] Bytes, string ContentType, HostileValue? Value = null)
{
    public override string ToString() => $"{Label} ({ContentType}, {Bytes.Length:N0} bytes){(Value is null ? "" : " " + Value)}";
}

/// <summary>How a form is attacked: every typed field, or every field at all (choices, dates and hidden ids too).</summary>
public sealed record HostileForm(HostileValue Value, bool EveryField)
{
    public override string ToString() => $"{(EveryField ? "every field" : "text fields")} = {Value}";
}

public static class HostileArbitraries
{
    public const int OneMegabyte = 1024 * 1024;

    private static readonly string[] Markup =
    [
        "<script>alert('rk-{0}')</script>",
        "\"><script src=//evil.example/rk-{0}.js></script>",
        "'><img src=x onerror=alert('rk-{0}')>",
        "<svg/onload=alert('rk-{0}')>",
        "</textarea><script>alert('rk-{0}')</script>",
        "</title><script>alert('rk-{0}')</script>",
        "<iframe src=\"javascript:alert('rk-{0}')\"></iframe>",
        "<a href=\"javascript:alert('rk-{0}')\">rk-{0}</a>",
        "<scr<script>ipt>alert('rk-{0}')</scr</script>ipt>",
        "<ScRiPt>alert('rk-{0}')</sCrIpT>",
    ];

    private static readonly string[] Sql =
    [
        "' OR '1'='1' --",
        "'; DROP TABLE \"Letters\"; --",
        "\" OR \"\"=\"",
        "1; SELECT * FROM \"AspNetUsers\"",
        "' UNION SELECT \"PasswordHash\" FROM \"AspNetUsers\" --",
        "%' AND 1=0 UNION SELECT sqlite_version() --",
        "\\'; --",
    ];

    private static readonly string[] Odd =
    [
        "before\0after", "\0", "\u202Egnp.exe", "\u202Ereversed\u202C text", "\u200B\u200C\u200D\uFEFF", "e\u0301\u0301\u0301\u0301\u0301",
        "🙂🔥👩‍👩‍👧", "   ", "\r\n\t", "{{7*7}}", "@(1+1)", "${7*7}", "%00", "../../etc/passwd", "null", "undefined", "-1", "0",
        "99999999999999999999999", "1e309", "NaN", "-0", "0001-01-01", "9999-12-31T23:59", "2026-02-30", "2026-13-01T25:61",
        "ffffffff-ffff-ffff-ffff-ffffffffffff", "00000000-0000-0000-0000-000000000000", "true", "on", "\ud800", "\udfff\ud800",
    ];

    /// <summary>Bytes that are not UTF-8: a lone continuation byte, an overlong slash, an encoded surrogate, 0xFF.</summary>
    private static readonly string[] InvalidUtf8 = ["%FF%FE", "%C3%28", "%C0%AF", "%ED%A0%80", "%80", "%F8%88%80%80%80", "abc%E2%82", "%"];

    public static Gen<HostileValue> Values() =>
        Gen.Frequency(
            (5, from template in Gen.Elements(Markup) from n in Gen.Choose(0, 99_999) select new HostileValue("xss", string.Format(System.Globalization.CultureInfo.InvariantCulture, template, n))),
            (3, Gen.Elements(Sql).Select(s => new HostileValue("sql", s))),
            (4, Gen.Elements(Odd).Select(s => new HostileValue("odd", s))),
            (2, Gen.Elements(InvalidUtf8).Select(raw => new HostileValue("invalid-utf8", "(invalid UTF-8)", raw))),
            (2, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null).Select(s => new HostileValue("random", s))),
            (1, Gen.Elements(20_001, 100_001).Select(n => new HostileValue("long", new string('x', n)))),
            (1, Gen.Constant(new HostileValue("1 MB", "<script>alert('rk-mb')</script>" + new string('m', OneMegabyte)))));

    public static Arbitrary<HostileValue> HostileValues() => Arb.From(Values());

    public static Arbitrary<HostileForm> HostileForms() =>
        Arb.From(from value in Values() from every in Gen.Elements(false, false, true) select new HostileForm(value, every));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Nested(int depth, string open, string close, string inner = "1") =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    /// <summary>A JSON body for an endpoint whose request fields are known (names from the OpenAPI document).</summary>
    public static Gen<HostileJson> Json() =>
        Gen.Frequency(
            (4, from value in Values()
                select new HostileJson("fields = " + value, fields => new HostileBody("fields", Utf8(System.Text.Json.JsonSerializer.Serialize(fields.ToDictionary(f => f, _ => value.Text))), "application/json", value))),
            (2, from value in Values()
                from number in Gen.Elements("1e309", "-99999999999999999999", "0.5", "true", "[]", "{}", "null")
                select new HostileJson($"mismatched types {number} / {value}", fields => new HostileBody("mismatched types", Utf8("{" + string.Join(",", fields.Select((f, i) => $"\"{f}\":{(i % 2 == 0 ? number : System.Text.Json.JsonSerializer.Serialize(value.Text))}")) + "}"), "application/json", value))),
            (2, Gen.Elements("{", "{\"a\":", "{'body':'single quotes'}", "[1,2", "{\"a\":1}}", "\0", "", "nul", "{\"a\":\"\\uZZZZ\"}", "{\"a\":\"unterminated}", "{\"__proto__\":{\"admin\":true}}", "{\"a\":1,\"a\":2}")
                .Select(s => Fixed(new HostileBody("malformed JSON", Utf8(s), "application/json")))),
            (1, Gen.Elements(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D }, [0xC3, 0x28], [0xEF, 0xBB, 0xBF, 0x7B, 0x7D], [0xFE, 0xFF, 0x00, 0x7B])
                .Select(b => Fixed(new HostileBody("invalid UTF-8", b, "application/json")))),
            (2, Gen.Elements(
                    ("text/plain", "{\"body\":\"plain\"}"), ("application/xml", "<letter><body>x</body></letter>"),
                    ("application/x-www-form-urlencoded", "body=form&intensity=5"), ("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nx\r\n--x--"),
                    ("application/json; charset=utf-16", "{\"body\":\"x\"}"), ("image/png", "\u0089PNG"))
                .Select(t => Fixed(new HostileBody("wrong content type", Utf8(t.Item2), t.Item1)))),
            (1, Gen.Elements(10_000, 1_000, 65, 33)
                .Select(depth => Fixed(new HostileBody($"{depth} levels of arrays", Utf8(Nested(depth, "[", "]")), "application/json")))),
            (1, Gen.Elements(10_000, 33)
                .Select(depth => Fixed(new HostileBody($"{depth} levels of objects", Utf8(Nested(depth, "{\"a\":", "}")), "application/json")))),
            (1, Gen.Constant(new HostileJson("1 MB string", fields => new HostileBody("1 MB string", Utf8("{\"" + (fields.Count > 0 ? fields[0] : "a") + "\":\"" + new string('j', OneMegabyte) + "\"}"), "application/json")))));

    public static Arbitrary<HostileJson> HostileJsonBodies() => Arb.From(Json());

    private static HostileJson Fixed(HostileBody body) => new(body.ToString(), _ => body);
}

/// <summary>A hostile body, made for one endpoint from the names of its request fields.</summary>
public sealed record HostileJson(string Label, Func<IReadOnlyList<string>, HostileBody> For)
{
    public override string ToString() => Label.Length > 200 ? Label[..200] : Label;
}
