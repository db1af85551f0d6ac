using System.Text.RegularExpressions;
using Rekindle.Web.Features.Help;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>
/// Every number, text code and site the app shows is on the reviewed list, for the same country, and every
/// shipped line is complete: hours, the page it was checked on and the date.
/// </summary>
public class HelplineListTests
{
    private static readonly CrisisDirectory Shipped = CrisisDirectory.Load(Path.Combine(Repository.Root, "content", "crisis", "helplines.yaml"));

    private static readonly string[] ReviewedLines = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "safety", "helplines-reviewed.md"));

    private static readonly string[] Header = ReviewedLines
        .First(line => line.StartsWith("| country", StringComparison.Ordinal))
        .Split('|', StringSplitOptions.TrimEntries);

    /// <summary>Each country's row, by code, as its cells by column name.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> ReviewedRows = ReviewedLines
        .Where(line => line.StartsWith('|') && !line.StartsWith("|---", StringComparison.Ordinal) && !line.StartsWith("| country", StringComparison.Ordinal))
        .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
        .Where(cells => cells.Length == Header.Length && cells[2].Length == 2)
        .ToDictionary(cells => cells[2], cells => Header.Select((name, i) => (name, cell: cells[i])).Where(c => c.name.Length > 0).ToDictionary(c => c.name, c => c.cell));

    private static string Digits(string value) => Regex.Replace(value, "[^0-9]", "");

    private static string ContactCells(Dictionary<string, string> row) =>
        string.Join(" | ", row["emergency"], row["suicide / emotional crisis"], row["domestic abuse"]);

    public static TheoryData<string, string, string> Contacts()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var country in Shipped.Countries)
        {
            foreach (var resource in country.Resources)
            {
                foreach (var contact in resource.Contacts)
                {
                    data.Add(country.Code, contact.Type, contact.Value + (contact.Keyword is null ? "" : $"|{contact.Keyword}"));
                }
            }
        }

        return data;
    }

    public static TheoryData<string> Countries() => [.. Shipped.Countries.Select(c => c.Code)];

    [Theory]
    [MemberData(nameof(Contacts))]
    public void Every_shipped_contact_is_on_the_reviewed_list_for_its_country(string country, string type, string value)
    {
        Assert.True(ReviewedRows.TryGetValue(country, out var row), $"{country} has no row in the reviewed list");
        var cells = ContactCells(row);
        var parts = value.Split('|');
        if (type is "web" or "chat")
        {
            Assert.Contains(parts[0], cells, StringComparison.OrdinalIgnoreCase);
            return;
        }

        var rowNumbers = Regex.Matches(cells, "[0-9][0-9 -]*[0-9]|[0-9]").Select(m => Digits(m.Value)).ToHashSet();
        Assert.Contains(Digits(parts[0]), rowNumbers);
        if (parts.Length > 1)
        {
            Assert.Contains($"text {parts[1]} to {parts[0]}", cells, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_reviewed_list_and_the_shipped_file_name_the_same_countries_at_least_thirty_of_them()
    {
        Assert.Equal(ReviewedRows.Keys.Order(), Shipped.Countries.Select(c => c.Code).Order());
        string[] required = ["US", "GB", "IE", "CA", "AU", "NZ", "DE", "FR", "ES", "IT", "NL", "BE", "AT", "CH", "SE", "NO", "DK", "FI", "PL", "PT", "BR", "MX", "AR", "IN", "JP", "KR", "ZA", "PH", "SG", "IL"];
        Assert.Empty(required.Except(Shipped.Countries.Select(c => c.Code)));
    }

    [Theory]
    [MemberData(nameof(Countries))]
    public void Every_entry_is_complete(string code)
    {
        var country = Shipped.For(code);
        var row = ReviewedRows[code];
        Assert.False(string.IsNullOrWhiteSpace(country.Name));
        if (code != CrisisDirectory.Elsewhere)
        {
            Assert.Contains(country.Resources, r => r.Kind == "emergency" && r.Contacts.Any(c => c.Type == "call"));
        }

        Assert.Contains(country.Resources, r => r.Kind is "crisis" or "directory" && r.Contacts.Count > 0);
        foreach (var resource in country.Resources.Where(r => r.Contacts.Count > 0))
        {
            Assert.False(string.IsNullOrWhiteSpace(resource.Name));
            Assert.False(string.IsNullOrWhiteSpace(resource.Hours), $"{code} / {resource.Name} has no hours");
            Assert.NotNull(resource.Checked);
            Assert.Matches("^https?://", resource.Source);
            Assert.Contains(resource.Source!, row["checked against"], StringComparison.Ordinal);
            Assert.Contains(resource.Checked!.Value.ToString("yyyy-MM-dd"), row["checked on"], StringComparison.Ordinal);
        }

        // The abuse column says "none confirmed" exactly when no abuse line ships.
        var reviewedHasAbuseLine = !row["domestic abuse"].StartsWith("none confirmed", StringComparison.Ordinal);
        Assert.Equal(reviewedHasAbuseLine, country.Resources.Any(r => r.Kind == "abuse" && r.Contacts.Count > 0));
    }

    [Fact]
    public void An_unknown_country_falls_back_to_the_international_directory()
    {
        Assert.Equal("ZZ", Shipped.For("QQ").Code);
        Assert.Equal("ZZ", Shipped.For(null).Code);
        Assert.Equal("GB", Shipped.For("gb").Code);
    }

    [Fact]
    public void Phone_links_dial_exactly_the_shown_number()
    {
        var lifeline = Shipped.For("AU").Resources.Single(r => r.Name == "Lifeline");
        Assert.Equal("tel:131114", lifeline.Contacts[0].Href);
        Assert.Equal("sms:0477131114", lifeline.Contacts[1].Href);
        var shout = Shipped.For("GB").Resources.Single(r => r.Name == "Shout").Contacts.Single();
        Assert.Equal("sms:85258?body=SHOUT", shout.Href);
        var chat = Shipped.For("US").Resources.Single(r => r.Kind == "crisis").Contacts.Single(c => c.Type == "chat");
        Assert.Equal("https://988lifeline.org/chat/", chat.Href);
    }

    [Theory]
    [InlineData("countries:\n  - code: US\n    name: United States\n    resources:\n      - kind: crisis\n        name: Line\n        contacts:\n          - { type: call, value: \"988\" }\n", 5, "\"hours\" is missing")]
    [InlineData("countries:\n  - code: usa\n    name: United States\n    resources: []\n", 2, "two capital letters")]
    [InlineData("countries:\n  - code: ZZ\n    name: Anywhere\n    resources:\n      - kind: directory\n        name: D\n        hours: any\n        source: https://example.org/\n        checked: 2026-12-03\n        contacts:\n          - { type: chat, value: \"http://example.org\" }\n", 11, "https:// address")]
    [InlineData("countries:\n  - code: ZZ\n    name: Anywhere\n    colour: red\n", 4, "unknown key \"colour\"")]
    [InlineData("countries:\n  - code: ZZ\n    name: Anywhere\n    resources:\n      - kind: directory\n        name: D\n        hours: any\n        source: https://example.org/\n        checked: 3 December\n        contacts: []\n", 9, "a date like 2026-12-03")]
    public void A_mistake_in_the_file_names_its_line(string yaml, int line, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => CrisisDirectory.Parse("helplines.yaml", yaml));
        Assert.StartsWith($"helplines.yaml:{line}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
