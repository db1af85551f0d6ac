using System.Globalization;
using System.Text.Json.Serialization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rekindle.Web.Features.Help;

public sealed class CrisisContact
{
    /// <summary>call, text, chat (a page with a chat window) or web.</summary>
    public string Type { get; set; } = "call";
    public string Value { get; set; } = "";

    /// <summary>For text: the word to send, when the service asks for one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Keyword { get; set; }

    /// <summary>A link a phone can act on: tel:, sms: or the page itself.</summary>
    public string Href => Type switch
    {
        "call" => "tel:" + Digits(Value),
        "text" => "sms:" + Digits(Value) + (Keyword is null ? "" : "?body=" + Uri.EscapeDataString(Keyword)),
        _ => Value,
    };

    private static string Digits(string value) => new(value.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
}

public sealed class CrisisResource
{
    /// <summary>emergency, crisis, abuse or directory.</summary>
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string? About { get; set; }

    /// <summary>When someone answers, as the service publishes it ("24/7", "Mon-Fri 9:00-17:00").</summary>
    public string? Hours { get; set; }

    /// <summary>The service's own page the numbers were checked against.</summary>
    public string? Source { get; set; }

    /// <summary>The day they were last checked there.</summary>
    public DateOnly? Checked { get; set; }

    public List<CrisisContact> Contacts { get; set; } = [];
}

public sealed class CrisisCountry
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public List<CrisisResource> Resources { get; set; } = [];
}

/// <summary>The crisis and abuse resources per country, loaded once from content/crisis/helplines.yaml.</summary>
public sealed class CrisisDirectory
{
    public const string Elsewhere = "ZZ";
    public static readonly string[] Kinds = ["emergency", "crisis", "abuse", "directory"];
    public static readonly string[] ContactTypes = ["call", "text", "chat", "web"];

    public CrisisDirectory(IReadOnlyList<CrisisCountry> countries)
    {
        Countries = countries;
        Codes = countries.Select(c => c.Code).ToArray();
    }

    public IReadOnlyList<CrisisCountry> Countries { get; }

    /// <summary>Every country code shipped, "ZZ" included.</summary>
    public IReadOnlyCollection<string> Codes { get; }

    public CrisisCountry For(string? code) =>
        Countries.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? Countries.First(c => c.Code == Elsewhere);

    /// <summary>The countries in alphabetical order for a picker, "anywhere else" last.</summary>
    public IEnumerable<CrisisCountry> ByName() =>
        Countries.OrderBy(c => c.Code == Elsewhere).ThenBy(c => c.Name, StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true));

    public bool IsKnown(string? code) => Countries.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The guessed country for a time zone and an Accept-Language header (see CountryGuess).</summary>
    public string Guess(string? timeZoneId, string? acceptLanguage) =>
        Rekindle.Core.Safety.CountryGuess.Guess(ToIana(timeZoneId), acceptLanguage, Codes);

    private static string? ToIana(string? zone) =>
        zone is not null && !zone.Contains('/', StringComparison.Ordinal) && TimeZoneInfo.TryConvertWindowsIdToIanaId(zone, out var iana) ? iana : zone;

    /// <summary>Reads and checks the file; any problem throws with the file and line it is on.</summary>
    /// <summary>Reads the helplines file. Whatever is wrong with it (missing, unreadable, not the expected shape), the error names the file.</summary>
    public static CrisisDirectory Load(string path)
    {
        try
        {
            return Parse(path, File.ReadAllText(path));
        }
        catch (InvalidDataException e) when (e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidDataException($"{path}: the helplines file can't be read: {e.Message.Split('\n')[0]}", e);
        }
    }

    public static CrisisDirectory Parse(string path, string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{path}:{e.Start.Line}: this is not valid YAML: {e.Message.Split('\n')[0]}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidDataException($"{path}:1: the file is empty; it needs a \"countries:\" list.");
        }

        var reader = new Reader(path);
        var fields = reader.Fields(root, "countries");
        var countries = new List<CrisisCountry>();
        foreach (var countryNode in reader.List(root, fields, "countries"))
        {
            countries.Add(reader.Country(countryNode, countries));
        }

        if (!countries.Any(c => c.Code == Elsewhere))
        {
            throw new InvalidDataException($"{path}:{root.Start.Line}: the \"{Elsewhere}\" (anywhere else) entry is required.");
        }

        return new CrisisDirectory(countries);
    }

    /// <summary>Turns the YAML nodes into the model, failing with "path:line: what is wrong" at the first problem.</summary>
    private sealed class Reader(string path)
    {
        public InvalidDataException Error(YamlNode node, string message) => new($"{path}:{node.Start.Line}: {message}");

        /// <summary>The mapping's scalar keys, refusing any key not in <paramref name="allowed"/>.</summary>
        public Dictionary<string, YamlNode> Fields(YamlNode node, params string[] allowed)
        {
            if (node is not YamlMappingNode map)
            {
                throw Error(node, $"expected a section with the keys {string.Join(", ", allowed)}.");
            }

            var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Children)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(name))
                {
                    throw Error(key, $"unknown key \"{name}\"; the keys here are {string.Join(", ", allowed)}.");
                }

                fields[name] = value;
            }

            return fields;
        }

        public IEnumerable<YamlNode> List(YamlNode owner, Dictionary<string, YamlNode> fields, string key)
        {
            if (!fields.TryGetValue(key, out var node))
            {
                throw Error(owner, $"\"{key}\" is missing.");
            }

            return node is YamlSequenceNode list ? list.Children : throw Error(node, $"\"{key}\" must be a list (items starting with \"- \").");
        }

        public string? Text(Dictionary<string, YamlNode> fields, string key)
        {
            if (!fields.TryGetValue(key, out var node))
            {
                return null;
            }

            if (node is not YamlScalarNode { Value: { } value })
            {
                throw Error(node, $"\"{key}\" must be plain text.");
            }

            return string.IsNullOrWhiteSpace(value) ? throw Error(node, $"\"{key}\" is empty.") : value.Trim();
        }

        public string Required(YamlNode owner, Dictionary<string, YamlNode> fields, string key) =>
            Text(fields, key) ?? throw Error(owner, $"\"{key}\" is missing.");

        public CrisisCountry Country(YamlNode node, List<CrisisCountry> earlier)
        {
            var fields = Fields(node, "code", "name", "resources");
            var code = Required(node, fields, "code");
            if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
            {
                throw Error(fields["code"], $"the code \"{code}\" must be two capital letters (ISO 3166, or ZZ for anywhere else).");
            }

            if (earlier.Any(c => c.Code == code))
            {
                throw Error(fields["code"], $"{code} appears twice; give each country once.");
            }

            var country = new CrisisCountry { Code = code, Name = Required(node, fields, "name") };
            foreach (var resourceNode in List(node, fields, "resources"))
            {
                country.Resources.Add(Resource(resourceNode, code));
            }

            if (code != Elsewhere && !country.Resources.Any(r => r.Kind == "emergency" && r.Contacts.Count > 0))
            {
                throw Error(node, $"{code} needs an emergency entry with its number.");
            }

            if (!country.Resources.Any(r => r.Kind is "crisis" or "directory" && r.Contacts.Count > 0))
            {
                throw Error(node, $"{code} needs a crisis line (or a directory) with a way to reach it.");
            }

            return country;
        }

        private CrisisResource Resource(YamlNode node, string country)
        {
            var fields = Fields(node, "kind", "name", "about", "hours", "source", "checked", "contacts");
            var resource = new CrisisResource
            {
                Kind = Required(node, fields, "kind"),
                Name = Required(node, fields, "name"),
                About = Text(fields, "about"),
                Hours = Text(fields, "hours"),
                Source = Text(fields, "source"),
            };
            if (!Kinds.Contains(resource.Kind))
            {
                throw Error(fields["kind"], $"{country} / {resource.Name}: unknown kind \"{resource.Kind}\"; use one of {string.Join(", ", Kinds)}.");
            }

            if (Text(fields, "checked") is { } checkedOn)
            {
                resource.Checked = DateOnly.TryParseExact(checkedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? day
                    : throw Error(fields["checked"], $"{country} / {resource.Name}: \"checked\" must be a date like 2026-12-03.");
            }

            if (resource.Source is not null && !IsWebAddress(resource.Source))
            {
                throw Error(fields["source"], $"{country} / {resource.Name}: \"source\" must be the web address (https:// or http://) the numbers were checked on.");
            }

            foreach (var contactNode in List(node, fields, "contacts"))
            {
                resource.Contacts.Add(Contact(contactNode, country, resource.Name));
            }

            if (resource.Contacts.Count > 0)
            {
                foreach (var key in new[] { "hours", "source", "checked" })
                {
                    if (!fields.ContainsKey(key))
                    {
                        throw Error(node, $"{country} / {resource.Name}: \"{key}\" is missing; every line shown needs its hours, the page it was checked on and the date.");
                    }
                }
            }

            return resource;
        }

        private CrisisContact Contact(YamlNode node, string country, string resource)
        {
            var fields = Fields(node, "type", "value", "keyword");
            var contact = new CrisisContact
            {
                Type = Required(node, fields, "type"),
                Value = Required(node, fields, "value"),
                Keyword = Text(fields, "keyword"),
            };
            var where = $"{country} / {resource}";
            if (!ContactTypes.Contains(contact.Type))
            {
                throw Error(fields["type"], $"{where}: unknown contact type \"{contact.Type}\"; use one of {string.Join(", ", ContactTypes)}.");
            }

            if (contact.Type is "call" or "text")
            {
                if (!contact.Value.Any(char.IsAsciiDigit) || contact.Value.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '+')))
                {
                    throw Error(fields["value"], $"{where}: \"{contact.Value}\" is not a phone number (digits, spaces, dashes and a leading + only).");
                }
            }
            else if (!IsHttps(contact.Value))
            {
                throw Error(fields["value"], $"{where}: a {contact.Type} contact's value must be an https:// address.");
            }

            if (contact.Keyword is not null && contact.Type != "text")
            {
                throw Error(fields["keyword"], $"{where}: only a text contact can have a keyword.");
            }

            return contact;
        }

        private static bool IsWebAddress(string value) =>
            Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host);

        private static bool IsHttps(string value) =>
            Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);
    }
}
