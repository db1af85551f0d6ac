namespace Rekindle.Core.Content;

/// <summary>
/// Words a rule chooses but does not write: the key of a string in strings.yaml and the values for its holes.
/// The rules stay in one language's terms (none); the page or API turns a phrase into text with <see cref="PageStrings"/>.
/// </summary>
public sealed record Phrase(string Key, params (string Name, object? Value)[] Holes)
{
    public override string ToString() => Key;
}
