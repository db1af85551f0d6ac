using System.Globalization;
using System.Text;

namespace Rekindle.Core.Reminders;

/// <summary>The RFC 5545 text rules: TEXT escaping, 75-octet line folding (never inside a UTF-8 sequence), CRLF.</summary>
public static class ICalendarText
{
    public const int MaxLineOctets = 75;
    public const string LineBreak = "\r\n";

    /// <summary>Escapes a TEXT value: backslash, semicolon, comma, and any line break as <c>\n</c>.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case ';':
                    builder.Append(@"\;");
                    break;
                case ',':
                    builder.Append(@"\,");
                    break;
                case '\r':
                    builder.Append(@"\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                default:
                    // Other control characters are not allowed in TEXT; drop them rather than emit an invalid file.
                    if (!char.IsControl(c) || c == '\t')
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Folds one content line to lines of at most 75 octets of UTF-8 (CRLF not counted), each continuation starting
    /// with one space, and ends it with CRLF. Splits only between Unicode scalar values, never inside one's UTF-8 bytes.
    /// </summary>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var builder = new StringBuilder(line.Length + 8);
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                builder.Append(LineBreak).Append(' ');
                octets = 1;
            }

            builder.Append(rune.ToString());
            octets += size;
        }

        return builder.Append(LineBreak).ToString();
    }

    /// <summary>Reverses <see cref="Fold"/> over a whole file: joins continuation lines and splits on CRLF.</summary>
    public static IReadOnlyList<string> Unfold(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal)
            .Split("\r\n")
            .Where(l => l.Length > 0)
            .ToList();
    }

    /// <summary>A UTC offset as <c>+hhmm</c> (or <c>+hhmmss</c> when it has seconds).</summary>
    public static string Offset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        var text = $"{sign}{abs.Hours + abs.Days * 24:00}{abs.Minutes:00}";
        return abs.Seconds == 0 ? text : text + abs.Seconds.ToString("00", CultureInfo.InvariantCulture);
    }

    public static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string LocalDateTime(DateTime local) => local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    public static string UtcDateTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
