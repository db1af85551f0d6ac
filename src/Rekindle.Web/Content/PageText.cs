using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Localization;
using Rekindle.Core.Content;

namespace Rekindle.Web.Content;

/// <summary>
/// The pages' own words from content/en/strings.yaml, as the standard <see cref="IStringLocalizer"/> that every
/// view injects as T: <c>@T["decide.heading"]</c>, or with named holes <c>@T["dashboard.since", new { days = 12 }]</c>.
/// A key missing from the file, or holes that don't match, throw outside Production so a test catches them;
/// in Production the page still renders, showing the key, and the mistake is logged as an error.
/// </summary>
public sealed class PageText(ProgramContent content, IHostEnvironment environment, ILogger<PageText> logger) : IStringLocalizer
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public LocalizedString this[string name] => Find(name, null);

    public LocalizedString this[string name, params object[] arguments] => Find(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        content.Strings.Values.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new LocalizedString(s.Key, s.Value));

    private LocalizedString Find(string name, object[]? arguments)
    {
        if (!content.Strings.TryGet(name, out var value))
        {
            return Fail(name, $"The page string \"{name}\" is not in {ContentFiles.Language}/{ContentLoader.StringsFile}.", missing: true);
        }

        if (arguments is null || arguments.Length == 0)
        {
            return PageStrings.Holes(value).Count == 0
                ? new LocalizedString(name, value)
                : Fail(name, $"The page string \"{name}\" has holes; pass their values by name, like T[\"{name}\", new {{ days = 3 }}].");
        }

        var named = arguments.Length == 1 ? Named(arguments[0]) : null;
        if (named is null)
        {
            return Fail(name, $"Pass the values for \"{name}\" as one object with a property per hole, like new {{ days = 3 }}.");
        }

        var holes = PageStrings.Holes(value);
        if (named.Keys.FirstOrDefault(k => !holes.Contains(k, StringComparer.Ordinal)) is { } extra)
        {
            return Fail(name, $"The page string \"{name}\" has no hole {{{extra}}}.");
        }

        try
        {
            return new LocalizedString(name, PageStrings.Fill(value, named, CultureInfo.CurrentCulture));
        }
        catch (FormatException e)
        {
            return Fail(name, $"The page string \"{name}\": {e.Message}");
        }
    }

    private static Dictionary<string, object?>? Named(object argument) => argument switch
    {
        IReadOnlyDictionary<string, object?> dictionary => new(dictionary, StringComparer.Ordinal),
        string or IFormattable => null,
        _ => Properties.GetOrAdd(argument.GetType(), t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .ToDictionary(p => p.Name, p => p.GetValue(argument), StringComparer.Ordinal),
    };

    private LocalizedString Fail(string name, string problem, bool missing = false)
    {
        if (!environment.IsProduction())
        {
            throw missing ? new KeyNotFoundException(problem) : new FormatException(problem);
        }

        logger.LogError("{Problem}", problem);
        return new LocalizedString(name, name, resourceNotFound: true);
    }
}
