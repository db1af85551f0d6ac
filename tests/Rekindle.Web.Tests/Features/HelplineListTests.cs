using System.Text.RegularExpressions;
using Rekindle.Web.Features.Help;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>Every number, text code and site the app shows is on the reviewed list, for the same country.</summary>
public class HelplineListTests
{
    private static readonly CrisisDirectory Shipped = CrisisDirectory.Load(Path.Combine(Repository.Root, "content", "crisis", "helplines.yaml"));

    private static readonly Dictionary<string, string> ReviewedRows = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "safety", "helplines-reviewed.md"))
        .Where(line => line.StartsWith('|') && !line.StartsWith("|---", StringComparison.Ordinal))
        .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
        .Where(cells => cells.Length > 3 && cells[2].Length == 2)
        .ToDictionary(cells => cells[2], cells => string.Join(" | ", cells));

    private static string Digits(string value) => Regex.Replace(value, "[^0-9]", "");

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

    [Theory]
    [MemberData(nameof(Contacts))]
    public void Every_shipped_contact_is_on_the_reviewed_list_for_its_country(string country, string type, string value)
    {
        Assert.True(ReviewedRows.TryGetValue(country, out var row), $"{country} has no row in the reviewed list");
        var parts = value.Split('|');
        if (type == "web")
        {
            Assert.Contains(new Uri(parts[0]).Host, row, StringComparison.OrdinalIgnoreCase);
            Assert.True(row.Split(';').Last().Trim().Length > 0 || country == "ZZ", $"{country} lists no source");
            return;
        }

        var rowNumbers = Regex.Matches(row, "[0-9][0-9 -]*[0-9]|[0-9]").Select(m => Digits(m.Value)).ToHashSet();
        Assert.Contains(Digits(parts[0]), rowNumbers);
        if (parts.Length > 1)
        {
            Assert.Contains($"text {parts[1]} to {parts[0]}", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_country_on_the_reviewed_list_is_shipped_with_a_source_and_an_emergency_entry()
    {
        Assert.Equal(ReviewedRows.Keys.Order(), Shipped.Countries.Select(c => c.Code).Order());
        foreach (var country in Shipped.Countries)
        {
            Assert.Contains(country.Resources, r => r.Kind == "emergency");
            Assert.Contains(country.Resources, r => r.Kind is "crisis" or "directory");
            if (country.Code != CrisisDirectory.Elsewhere)
            {
                Assert.Matches("[a-z0-9-]+\\.[a-z]{2,}", ReviewedRows[country.Code].Split('|', StringSplitOptions.TrimEntries).Where(c => c.Length > 0).Last());
            }
        }
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
    }
}
