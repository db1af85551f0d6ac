using System.Globalization;

namespace Rekindle.Core.Progress;

/// <summary>Small helpers for sentences built from numbers.</summary>
public static class Wording
{
    private static readonly string[] Small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>Spells out zero to nine ("two") and writes larger or negative numbers as digits ("12").</summary>
    public static string Number(int n) => n is >= 0 and <= 9 ? Small[n] : n.ToString(CultureInfo.InvariantCulture);

    /// <summary>"one urge", "two urges", "12 urges", "zero urges".</summary>
    public static string Count(int n, string singular, string plural) => $"{Number(n)} {(n == 1 ? singular : plural)}";

    /// <summary>One decimal place, rounded half away from zero, invariant culture: 5.75 → "5.8", 6 → "6.0".</summary>
    public static string OneDecimal(double value) =>
        Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Upper-cases the first letter.</summary>
    public static string Capitalize(string text) =>
        string.IsNullOrEmpty(text) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A date for people, invariant English: "Nov 1, 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>A short date for labels: "Nov 1".</summary>
    public static string ShortDate(DateOnly date) => date.ToString("MMM d", CultureInfo.InvariantCulture);
}
