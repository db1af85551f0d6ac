namespace Rekindle.Core.Safety;

/// <summary>
/// Guesses which country's crisis lines to show, from the IANA time zone the browser reported at sign-up and its
/// Accept-Language header. The zone says where the person is; the language only decides between countries that
/// share a zone (Europe/Brussels: fr-BE or nl-BE) or stands in when the zone says nothing (UTC, missing).
/// A geographic zone outside every supported country answers <see cref="Elsewhere"/>: another country's numbers
/// would not work from there, while the "anywhere else" entry still points at the local emergency number.
/// The user can always change the answer; this only picks the starting point.
/// </summary>
public static class CountryGuess
{
    public const string Elsewhere = "ZZ";

    /// <summary>Zones whose people may live in more than one country; the first is the usual one.</summary>
    private static readonly Dictionary<string, string[]> SharedZones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Europe/Brussels"] = ["BE", "NL", "LU"],
        ["Europe/Berlin"] = ["DE", "DK", "NO", "SE"],
        ["Europe/Zurich"] = ["CH", "LI"],
        ["Europe/Paris"] = ["FR", "MC"],
        ["Europe/Rome"] = ["IT", "SM", "VA"],
        ["Europe/Helsinki"] = ["FI", "AX"],
        ["Europe/London"] = ["GB", "IM", "JE", "GG"],
        ["Africa/Johannesburg"] = ["ZA", "LS", "SZ"],
        ["Asia/Singapore"] = ["SG", "MY"],
        ["America/Toronto"] = ["CA", "BS"],
    };

    /// <summary>Every zone (and old alias) of each country, from the tz database's zone.tab and backward file.</summary>
    private static readonly Dictionary<string, string> Zones = Build(new()
    {
        ["US"] =
        [
            "America/New_York", "America/Detroit", "America/Kentucky/Louisville", "America/Kentucky/Monticello",
            "America/Indiana/Indianapolis", "America/Indiana/Vincennes", "America/Indiana/Winamac", "America/Indiana/Marengo",
            "America/Indiana/Petersburg", "America/Indiana/Vevay", "America/Chicago", "America/Indiana/Tell_City",
            "America/Indiana/Knox", "America/Menominee", "America/North_Dakota/Center", "America/North_Dakota/New_Salem",
            "America/North_Dakota/Beulah", "America/Denver", "America/Boise", "America/Phoenix", "America/Los_Angeles",
            "America/Anchorage", "America/Juneau", "America/Sitka", "America/Metlakatla", "America/Yakutat", "America/Nome",
            "America/Adak", "Pacific/Honolulu", "America/Indianapolis", "America/Fort_Wayne", "America/Louisville",
            "America/Knox_IN", "America/Shiprock", "America/Atka", "Navajo", "US/Eastern", "US/Central", "US/Mountain",
            "US/Pacific", "US/Alaska", "US/Hawaii", "US/Arizona", "US/Michigan", "US/Aleutian", "US/East-Indiana",
            "US/Indiana-Starke", "EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT",
        ],
        ["GB"] = ["Europe/London", "Europe/Belfast", "GB", "GB-Eire"],
        ["IE"] = ["Europe/Dublin", "Eire"],
        ["CA"] =
        [
            "America/St_Johns", "America/Halifax", "America/Glace_Bay", "America/Moncton", "America/Goose_Bay",
            "America/Blanc-Sablon", "America/Toronto", "America/Iqaluit", "America/Atikokan", "America/Winnipeg",
            "America/Resolute", "America/Rankin_Inlet", "America/Regina", "America/Swift_Current", "America/Edmonton",
            "America/Cambridge_Bay", "America/Inuvik", "America/Creston", "America/Dawson_Creek", "America/Fort_Nelson",
            "America/Whitehorse", "America/Dawson", "America/Vancouver", "America/Montreal", "America/Nipigon",
            "America/Thunder_Bay", "America/Rainy_River", "America/Pangnirtung", "America/Yellowknife",
            "Canada/Atlantic", "Canada/Central", "Canada/Eastern", "Canada/Mountain", "Canada/Newfoundland",
            "Canada/Pacific", "Canada/Saskatchewan", "Canada/Yukon",
        ],
        ["AU"] = ["Antarctica/Macquarie"], // and every Australia/* zone, below
        ["NZ"] = ["Pacific/Auckland", "Pacific/Chatham", "NZ", "NZ-CHAT"],
        ["DE"] = ["Europe/Berlin", "Europe/Busingen"],
        ["FR"] = ["Europe/Paris"],
        ["ES"] = ["Europe/Madrid", "Africa/Ceuta", "Atlantic/Canary"],
        ["IT"] = ["Europe/Rome"],
        ["NL"] = ["Europe/Amsterdam"],
        ["BE"] = ["Europe/Brussels"],
        ["AT"] = ["Europe/Vienna"],
        ["CH"] = ["Europe/Zurich"],
        ["SE"] = ["Europe/Stockholm"],
        ["NO"] = ["Europe/Oslo"],
        ["DK"] = ["Europe/Copenhagen"],
        ["FI"] = ["Europe/Helsinki"],
        ["PL"] = ["Europe/Warsaw", "Poland"],
        ["PT"] = ["Europe/Lisbon", "Atlantic/Madeira", "Atlantic/Azores", "Portugal"],
        ["BR"] =
        [
            "America/Noronha", "America/Belem", "America/Fortaleza", "America/Recife", "America/Araguaina",
            "America/Maceio", "America/Bahia", "America/Sao_Paulo", "America/Campo_Grande", "America/Cuiaba",
            "America/Santarem", "America/Porto_Velho", "America/Boa_Vista", "America/Manaus", "America/Eirunepe",
            "America/Rio_Branco", "America/Porto_Acre", "Brazil/Acre", "Brazil/DeNoronha", "Brazil/East", "Brazil/West",
        ],
        ["MX"] =
        [
            "America/Mexico_City", "America/Cancun", "America/Merida", "America/Monterrey", "America/Matamoros",
            "America/Chihuahua", "America/Ciudad_Juarez", "America/Ojinaga", "America/Mazatlan", "America/Bahia_Banderas",
            "America/Hermosillo", "America/Tijuana", "America/Ensenada", "America/Santa_Isabel", "Mexico/BajaNorte",
            "Mexico/BajaSur", "Mexico/General",
        ],
        ["AR"] =
        [
            "America/Argentina/Buenos_Aires", "America/Argentina/Cordoba", "America/Argentina/Salta",
            "America/Argentina/Jujuy", "America/Argentina/Tucuman", "America/Argentina/Catamarca",
            "America/Argentina/La_Rioja", "America/Argentina/San_Juan", "America/Argentina/Mendoza",
            "America/Argentina/San_Luis", "America/Argentina/Rio_Gallegos", "America/Argentina/Ushuaia",
            "America/Argentina/ComodRivadavia", "America/Buenos_Aires", "America/Catamarca", "America/Cordoba",
            "America/Jujuy", "America/Mendoza", "America/Rosario",
        ],
        ["IN"] = ["Asia/Kolkata", "Asia/Calcutta"],
        ["JP"] = ["Asia/Tokyo", "Japan"],
        ["KR"] = ["Asia/Seoul", "ROK"],
        ["ZA"] = ["Africa/Johannesburg"],
        ["PH"] = ["Asia/Manila"],
        ["SG"] = ["Asia/Singapore", "Singapore"],
        ["IL"] = ["Asia/Jerusalem", "Asia/Tel_Aviv", "Israel"],
    });

    /// <summary>
    /// Languages with no region in the header, mapped to the one supported country most of their speakers
    /// live in. English and Spanish are left out: too many countries share them to guess one.
    /// </summary>
    private static readonly Dictionary<string, string> LanguageHome = new(StringComparer.OrdinalIgnoreCase)
    {
        ["de"] = "DE", ["fr"] = "FR", ["it"] = "IT", ["nl"] = "NL", ["pt"] = "PT", ["sv"] = "SE", ["da"] = "DK",
        ["nb"] = "NO", ["nn"] = "NO", ["no"] = "NO", ["fi"] = "FI", ["pl"] = "PL", ["ja"] = "JP", ["ko"] = "KR",
        ["he"] = "IL", ["iw"] = "IL", ["hi"] = "IN", ["fil"] = "PH", ["tl"] = "PH", ["af"] = "ZA", ["zu"] = "ZA",
        ["xh"] = "ZA", ["mi"] = "NZ", ["ga"] = "IE", ["cy"] = "GB", ["gd"] = "GB",
    };

    /// <summary>Languages of the usual country of each shared zone.</summary>
    private static readonly Dictionary<string, string[]> UsualLanguages = new()
    {
        ["BE"] = ["nl", "fr", "de"], ["DE"] = ["de"], ["CH"] = ["de", "fr", "it", "rm"], ["FR"] = ["fr"], ["IT"] = ["it"],
        ["FI"] = ["fi", "sv"], ["GB"] = ["en", "cy", "gd"], ["ZA"] = ["af", "en", "zu", "xh"], ["SG"] = ["en", "zh", "ms", "ta"],
        ["CA"] = ["en", "fr"],
    };

    private static readonly string[] GeographicAreas =
        ["Africa/", "America/", "Antarctica/", "Arctic/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/"];

    /// <summary>The country (ISO 3166 alpha-2, upper case) among <paramref name="supported"/>, or "ZZ".</summary>
    public static string Guess(string? timeZoneId, string? acceptLanguage, IReadOnlyCollection<string> supported)
    {
        ArgumentNullException.ThrowIfNull(supported);
        bool IsSupported(string code) => code != Elsewhere && supported.Contains(code, StringComparer.OrdinalIgnoreCase);
        var languages = ParseLanguages(acceptLanguage);
        var zone = timeZoneId?.Trim() ?? "";

        var candidates = ZoneCountries(zone);
        if (candidates.Count > 0)
        {
            // A region in the header that names one of the zone's countries decides (fr-BE in Europe/Brussels).
            foreach (var (language, region) in languages)
            {
                if (region is not null && candidates.Contains(region))
                {
                    return IsSupported(region) ? region : Elsewhere;
                }

                // A language of another of them, not spoken in the usual one, decides too (sv in Europe/Berlin is
                // Sweden; nl in Europe/Brussels stays Belgium).
                if (region is null && LanguageHome.TryGetValue(language, out var home) && candidates.Contains(home) && candidates[0] != home
                    && !(UsualLanguages.TryGetValue(candidates[0], out var spoken) && spoken.Contains(language)))
                {
                    return IsSupported(home) ? home : Elsewhere;
                }
            }

            return IsSupported(candidates[0]) ? candidates[0] : Elsewhere;
        }

        if (GeographicAreas.Any(area => zone.StartsWith(area, StringComparison.OrdinalIgnoreCase)))
        {
            return Elsewhere;
        }

        // No usable zone (missing, UTC, unknown): the language's region, then its usual country.
        foreach (var (language, region) in languages)
        {
            if (region is not null)
            {
                if (IsSupported(region))
                {
                    return region;
                }

                continue;
            }

            if (LanguageHome.TryGetValue(language, out var home) && IsSupported(home))
            {
                return home;
            }
        }

        return Elsewhere;
    }

    /// <summary>The countries a zone id belongs to, usual one first; empty when it is not a supported country's zone.</summary>
    internal static IReadOnlyList<string> ZoneCountries(string zone)
    {
        if (SharedZones.TryGetValue(zone, out var shared))
        {
            return shared;
        }

        if (Zones.TryGetValue(zone, out var country))
        {
            return [country];
        }

        return zone.StartsWith("Australia/", StringComparison.OrdinalIgnoreCase) ? ["AU"] : [];
    }

    /// <summary>
    /// The header's language tags, most preferred first (by q, then order), as a lower-case language and an
    /// upper-case two-letter region or null. Tags with q=0, a wildcard or a non-country region (es-419) are left out
    /// of the region but keep their language only when they have no subtag at all.
    /// </summary>
    internal static IReadOnlyList<(string Language, string? Region)> ParseLanguages(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 1000)
        {
            return [];
        }

        var tags = new List<(string Language, string? Region, double Q, int Order)>();
        var order = 0;
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            var q = 1.0;
            foreach (var parameter in pieces.Skip(1))
            {
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && !double.TryParse(parameter.AsSpan(2), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out q))
                {
                    q = 0;
                }
            }

            var subtags = pieces[0].Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries);
            if (q <= 0 || subtags.Length == 0 || subtags[0] == "*" || !subtags[0].All(char.IsAsciiLetter))
            {
                continue;
            }

            var language = subtags[0].ToLowerInvariant();
            // The region is the first two-letter subtag after the language (zh-Hant-TW gives TW).
            var regionTag = subtags.Skip(1).FirstOrDefault(s => s.Length == 2 && s.All(char.IsAsciiLetter));
            var region = regionTag?.ToUpperInvariant();
            if (region is null && subtags.Skip(1).Any(s => s.Length == 3 && s.All(char.IsAsciiDigit)))
            {
                // es-419 means Latin America: no single country, and not the language's usual one either.
                continue;
            }

            tags.Add((language, region, q, order++));
        }

        return tags.OrderByDescending(t => t.Q).ThenBy(t => t.Order).Select(t => (t.Language, t.Region)).ToList();
    }

    private static Dictionary<string, string> Build(Dictionary<string, string[]> byCountry)
    {
        var zones = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (country, ids) in byCountry)
        {
            foreach (var id in ids)
            {
                zones.Add(id, country);
            }
        }

        return zones;
    }
}
