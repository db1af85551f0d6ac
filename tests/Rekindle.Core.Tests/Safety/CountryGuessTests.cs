using Rekindle.Core.Safety;

namespace Rekindle.Core.Tests.Safety;

public class CountryGuessTests
{
    private static readonly string[] Supported =
    [
        "US", "GB", "IE", "CA", "AU", "NZ", "DE", "FR", "ES", "IT", "NL", "BE", "AT", "CH", "SE", "NO", "DK", "FI", "PL", "PT",
        "BR", "MX", "AR", "IN", "JP", "KR", "ZA", "PH", "SG", "IL", "ZZ",
    ];

    private static string Guess(string? zone, string? language = null) => CountryGuess.Guess(zone, language, Supported);

    [Theory]
    [InlineData("America/Chicago", "US")]
    [InlineData("America/New_York", "US")]
    [InlineData("America/Los_Angeles", "US")]
    [InlineData("Pacific/Honolulu", "US")]
    [InlineData("America/Indiana/Tell_City", "US")]
    [InlineData("US/Eastern", "US")]
    [InlineData("Europe/London", "GB")]
    [InlineData("Europe/Dublin", "IE")]
    [InlineData("America/Toronto", "CA")]
    [InlineData("America/Vancouver", "CA")]
    [InlineData("America/St_Johns", "CA")]
    [InlineData("Australia/Sydney", "AU")]
    [InlineData("Australia/Perth", "AU")]
    [InlineData("Australia/ACT", "AU")]
    [InlineData("Pacific/Auckland", "NZ")]
    [InlineData("Pacific/Chatham", "NZ")]
    [InlineData("Europe/Berlin", "DE")]
    [InlineData("Europe/Paris", "FR")]
    [InlineData("Europe/Madrid", "ES")]
    [InlineData("Atlantic/Canary", "ES")]
    [InlineData("Europe/Rome", "IT")]
    [InlineData("Europe/Amsterdam", "NL")]
    [InlineData("Europe/Brussels", "BE")]
    [InlineData("Europe/Vienna", "AT")]
    [InlineData("Europe/Zurich", "CH")]
    [InlineData("Europe/Stockholm", "SE")]
    [InlineData("Europe/Oslo", "NO")]
    [InlineData("Europe/Copenhagen", "DK")]
    [InlineData("Europe/Helsinki", "FI")]
    [InlineData("Europe/Warsaw", "PL")]
    [InlineData("Europe/Lisbon", "PT")]
    [InlineData("Atlantic/Azores", "PT")]
    [InlineData("America/Sao_Paulo", "BR")]
    [InlineData("America/Manaus", "BR")]
    [InlineData("America/Mexico_City", "MX")]
    [InlineData("America/Tijuana", "MX")]
    [InlineData("America/Argentina/Buenos_Aires", "AR")]
    [InlineData("America/Buenos_Aires", "AR")]
    [InlineData("Asia/Kolkata", "IN")]
    [InlineData("Asia/Calcutta", "IN")]
    [InlineData("Asia/Tokyo", "JP")]
    [InlineData("Asia/Seoul", "KR")]
    [InlineData("Africa/Johannesburg", "ZA")]
    [InlineData("Asia/Manila", "PH")]
    [InlineData("Asia/Singapore", "SG")]
    [InlineData("Asia/Jerusalem", "IL")]
    [InlineData("europe/madrid", "ES")]
    public void The_time_zone_names_the_country(string zone, string country)
    {
        Assert.Equal(country, Guess(zone));
        // A browser language from elsewhere doesn't move someone out of the country their clock is in.
        Assert.Equal(country, Guess(zone, "ja-JP,ja;q=0.9"));
    }

    [Theory]
    [InlineData("Europe/Brussels", "fr-BE,fr;q=0.9", "BE")]
    [InlineData("Europe/Brussels", "nl-BE", "BE")]
    [InlineData("Europe/Brussels", "nl", "BE")]
    [InlineData("Europe/Brussels", "nl-NL,nl;q=0.9,en;q=0.8", "NL")]
    [InlineData("Europe/Brussels", "fr-LU", "ZZ")]
    [InlineData("Europe/Berlin", "sv-SE", "SE")]
    [InlineData("Europe/Berlin", "sv", "SE")]
    [InlineData("Europe/Berlin", "nb-NO,nb;q=0.9", "NO")]
    [InlineData("Europe/Berlin", "da", "DK")]
    [InlineData("Europe/Berlin", "de-DE", "DE")]
    [InlineData("Europe/Berlin", "en-US,en;q=0.9", "DE")]
    [InlineData("Europe/Berlin", "de-CH", "DE")]
    [InlineData("Europe/Zurich", "de-DE", "CH")]
    [InlineData("Europe/Zurich", "de-LI", "ZZ")]
    [InlineData("Europe/Helsinki", "sv-FI", "FI")]
    [InlineData("Europe/Helsinki", "sv", "FI")]
    [InlineData("Asia/Singapore", "ms-MY", "ZZ")]
    [InlineData("Asia/Singapore", "en-SG", "SG")]
    [InlineData("Europe/London", "en-GB", "GB")]
    [InlineData("Africa/Johannesburg", "en-ZA", "ZA")]
    [InlineData("Europe/Brussels", "de;q=0, nl-NL;q=0.5, fr-BE;q=0.8", "BE")]
    public void In_a_shared_zone_the_language_decides(string zone, string language, string country) =>
        Assert.Equal(country, Guess(zone, language));

    [Theory]
    [InlineData(null, "en-GB,en;q=0.9", "GB")]
    [InlineData("Etc/UTC", "en-US,en;q=0.9", "US")]
    [InlineData("UTC", "pt-BR", "BR")]
    [InlineData("", "es-MX,es;q=0.9", "MX")]
    [InlineData("Not/AZone", "ko-KR", "KR")]
    [InlineData(null, "ja", "JP")]
    [InlineData(null, "de", "DE")]
    [InlineData(null, "en, en-AU;q=0.8", "AU")]
    [InlineData(null, "zh-Hant-TW, fr-CA;q=0.5", "CA")]
    [InlineData(null, "es-419,es;q=0.9", "ZZ")]
    [InlineData(null, "en", "ZZ")]
    [InlineData(null, "es-419", "ZZ")]
    [InlineData(null, "zh-CN", "ZZ")]
    [InlineData(null, "*", "ZZ")]
    [InlineData(null, null, "ZZ")]
    [InlineData(null, "", "ZZ")]
    [InlineData(null, ";;,,q=", "ZZ")]
    public void Without_a_usable_zone_the_language_region_decides(string? zone, string? language, string country) =>
        Assert.Equal(country, Guess(zone, language));

    [Theory]
    [InlineData("Asia/Shanghai", "en-GB")]
    [InlineData("America/Bogota", "es-ES")]
    [InlineData("Europe/Luxembourg", "fr-FR")]
    [InlineData("Africa/Lagos", "en-US")]
    public void A_zone_in_a_country_we_dont_cover_answers_anywhere_else(string zone, string language) =>
        Assert.Equal("ZZ", Guess(zone, language));

    [Fact]
    public void Only_supported_countries_are_answered()
    {
        Assert.Equal("ZZ", CountryGuess.Guess("Europe/Madrid", "es-ES", ["US", "ZZ"]));
        Assert.Equal("US", CountryGuess.Guess("America/Chicago", null, ["us"]));
    }
}
