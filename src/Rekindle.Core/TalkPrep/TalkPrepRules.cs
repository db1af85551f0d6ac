namespace Rekindle.Core.TalkPrep;

/// <summary>The talk worksheet's five answers, as the user wrote them (empty strings for parts not written yet).</summary>
public sealed record TalkPrepContent(string Own, string Changed, string Want, string Ask, string WalkAway)
{
    public static TalkPrepContent Empty { get; } = new("", "", "", "", "");

    public bool IsEmpty => TalkPrepRules.Sections.All(s => s.Read(this).Length == 0);
}

/// <summary>One part of the worksheet: its stable key, its field name, its page strings (title and about) and how to read it.</summary>
public sealed record TalkPrepSection(string Key, string Field, string Strings, Func<TalkPrepContent, string> Read);

/// <summary>
/// The worksheet for the talk: what I own, what I changed and how I know, what I want now, what I will ask, and what
/// would make me walk away. Every part is optional; each is plain text of a bounded size.
/// </summary>
public static class TalkPrepRules
{
    public const int MaxLength = 4_000;

    public static IReadOnlyList<TalkPrepSection> Sections { get; } =
    [
        new("own", "Own", "talk-prep.sections.own", c => c.Own),
        new("changed", "Changed", "talk-prep.sections.changed", c => c.Changed),
        new("want", "Want", "talk-prep.sections.want", c => c.Want),
        new("ask", "Ask", "talk-prep.sections.ask", c => c.Ask),
        new("walk-away", "WalkAway", "talk-prep.sections.walk-away", c => c.WalkAway),
    ];

    /// <summary>The inventory answers (ids in content/en/program/assessments.yaml) each part starts from, when it is empty.</summary>
    public static IReadOnlyDictionary<string, string> InventorySource { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["own"] = "my-part",
        ["changed"] = "changed",
    };

    /// <summary>Trims each part (line breaks inside are kept) and checks its size: the content, or the fields too long.</summary>
    public static (TalkPrepContent Content, IReadOnlyList<string> TooLong) Clean(string? own, string? changed, string? want, string? ask, string? walkAway)
    {
        var content = new TalkPrepContent(Trim(own), Trim(changed), Trim(want), Trim(ask), Trim(walkAway));
        var tooLong = Sections.Where(s => s.Read(content).Length > MaxLength).Select(s => s.Field).ToList();
        return (content, tooLong);
    }

    /// <summary>
    /// A worksheet not written yet starts from the inventory: "what I own" from your part, and "what I changed" from
    /// what has changed since. The other parts have no answer in the inventory to start from.
    /// </summary>
    public static TalkPrepContent Prefill(IReadOnlyDictionary<string, string> inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        string From(string key) => InventorySource.TryGetValue(key, out var id) && inventory.TryGetValue(id, out var text) ? Trim(text) : "";
        return new TalkPrepContent(From("own"), From("changed"), From("want"), From("ask"), From("walk-away"));
    }

    private static string Trim(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
