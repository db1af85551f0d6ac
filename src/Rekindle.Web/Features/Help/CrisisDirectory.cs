using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Rekindle.Web.Features.Help;

public sealed class CrisisContact
{
    /// <summary>call, text or web.</summary>
    public string Type { get; set; } = "call";
    public string Value { get; set; } = "";
    public string? Keyword { get; set; }

    /// <summary>A link a phone can act on: tel:, sms: or the site itself.</summary>
    public string Href => Type switch
    {
        "call" => "tel:" + Digits(Value),
        "text" => "sms:" + Digits(Value) + (Keyword is null ? "" : "?body=" + Uri.EscapeDataString(Keyword)),
        _ => Value,
    };

    private static string Digits(string value) => new(value.Where(char.IsDigit).ToArray());
}

public sealed class CrisisResource
{
    /// <summary>emergency, crisis, abuse or directory.</summary>
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string? About { get; set; }
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
    private static readonly string[] Kinds = ["emergency", "crisis", "abuse", "directory"];
    private static readonly string[] ContactTypes = ["call", "text", "web"];

    public CrisisDirectory(IReadOnlyList<CrisisCountry> countries)
    {
        Countries = countries;
    }

    public IReadOnlyList<CrisisCountry> Countries { get; }

    public CrisisCountry For(string? code) =>
        Countries.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? Countries.First(c => c.Code == Elsewhere);

    public bool IsKnown(string? code) => Countries.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    public static CrisisDirectory Load(string path)
    {
        var yaml = File.ReadAllText(path);
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var file = deserializer.Deserialize<CrisisFile>(yaml)
            ?? throw new InvalidDataException($"{path}: the file is empty.");
        var countries = file.Countries ?? [];
        foreach (var country in countries)
        {
            if (string.IsNullOrWhiteSpace(country.Code) || string.IsNullOrWhiteSpace(country.Name))
            {
                throw new InvalidDataException($"{path}: every country needs a code and a name.");
            }

            foreach (var resource in country.Resources)
            {
                if (!Kinds.Contains(resource.Kind))
                {
                    throw new InvalidDataException($"{path}: {country.Code} has a resource of unknown kind \"{resource.Kind}\".");
                }

                if (resource.Contacts.Any(c => !ContactTypes.Contains(c.Type) || string.IsNullOrWhiteSpace(c.Value)))
                {
                    throw new InvalidDataException($"{path}: {country.Code} / {resource.Name} has a contact without a known type or a value.");
                }
            }
        }

        if (!countries.Any(c => c.Code == Elsewhere))
        {
            throw new InvalidDataException($"{path}: the \"{Elsewhere}\" (anywhere else) entry is required.");
        }

        return new CrisisDirectory(countries);
    }

    private sealed class CrisisFile
    {
        public List<CrisisCountry>? Countries { get; set; }
    }
}
