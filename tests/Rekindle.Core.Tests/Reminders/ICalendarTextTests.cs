using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rekindle.Core.Reminders;

namespace Rekindle.Core.Tests.Reminders;

public class ICalendarTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a,b;c", @"a\,b\;c")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("one\ntwo", @"one\ntwo")]
    [InlineData("one\r\ntwo", @"one\ntwo")]
    [InlineData("one\rtwo", @"one\ntwo")]
    [InlineData("tab\tkept", "tab\tkept")]
    [InlineData("bell\u0007gone", "bellgone")]
    [InlineData("café ☕", "café ☕")]
    public void Text_values_are_escaped(string text, string expected) => Assert.Equal(expected, ICalendarText.Escape(text));

    [Fact]
    public void A_short_line_is_only_terminated_with_CRLF() => Assert.Equal("SUMMARY:hi\r\n", ICalendarText.Fold("SUMMARY:hi"));

    [Fact]
    public void A_line_of_exactly_75_octets_is_not_folded_and_76_is()
    {
        var seventyFive = new string('x', 75);
        Assert.Equal(seventyFive + "\r\n", ICalendarText.Fold(seventyFive));
        Assert.Equal(seventyFive + "\r\n y\r\n", ICalendarText.Fold(seventyFive + "y"));
    }

    [Fact]
    public void Folding_never_splits_a_multibyte_character()
    {
        // 74 ASCII octets then a 4-octet emoji: it can't fit on the first line, so it moves whole to the next.
        var line = new string('a', 74) + "😀" + "b";
        var folded = ICalendarText.Fold(line);
        Assert.Equal(new string('a', 74) + "\r\n 😀b\r\n", folded);
        Assert.DoesNotContain('\uFFFD', folded);
    }

    [Theory]
    [InlineData(0, 0, 0, "+0000")]
    [InlineData(-5, 0, 0, "-0500")]
    [InlineData(5, 30, 0, "+0530")]
    [InlineData(13, 45, 0, "+1345")]
    [InlineData(-3, -30, 0, "-0330")]
    [InlineData(0, -17, -30, "-001730")]
    public void Offsets_are_written_as_hhmm(int hours, int minutes, int seconds, string expected) =>
        Assert.Equal(expected, ICalendarText.Offset(new TimeSpan(hours, minutes, seconds)));

    [Fact]
    public void Dates_and_times_use_the_basic_format()
    {
        Assert.Equal("20261101", ICalendarText.Date(new DateOnly(2026, 11, 1)));
        Assert.Equal("20261101T203000", ICalendarText.LocalDateTime(new DateTime(2026, 11, 1, 20, 30, 0)));
        Assert.Equal("20261102T013000Z", ICalendarText.UtcDateTime(new DateTimeOffset(2026, 11, 1, 20, 30, 0, TimeSpan.FromHours(-5))));
    }

    private static readonly string[] Pieces = ["a", "Z", "7", " ", ",", ";", ":", "\\", "é", "ß", "€", "☕", "😀", "👩‍👩‍👧", "\t"];

    private static Arbitrary<string> Lines() =>
        Gen.Elements(Pieces).ArrayOf().Select(parts => "X:" + string.Concat(parts)).ToArbitrary();

    [Property]
    public Property Folding_never_makes_a_line_over_75_octets_and_unfolding_restores_it() =>
        Prop.ForAll(Lines(), line =>
        {
            var folded = ICalendarText.Fold(line);
            var physical = folded[..^2].Split("\r\n");
            return folded.EndsWith("\r\n", StringComparison.Ordinal)
                && physical.All(l => Encoding.UTF8.GetByteCount(l) <= ICalendarText.MaxLineOctets)
                && physical.Skip(1).All(l => l.StartsWith(' '))
                && ICalendarText.Unfold(folded).SequenceEqual([line]);
        });

    [Property]
    public Property Escaped_text_has_no_line_breaks_and_no_bare_separators() =>
        Prop.ForAll(Gen.Elements(Pieces.Concat(["\n", "\r\n", "\r"]).ToArray()).ArrayOf().Select(string.Concat).ToArbitrary(), text =>
        {
            var escaped = ICalendarText.Escape(text);
            return !escaped.Contains('\n') && !escaped.Contains('\r') && Unescape(escaped) == text.Replace("\r\n", "\n").Replace('\r', '\n');
        });

    private static string Unescape(string text)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                Assert.True(text[i] is not (',' or ';'), "an unescaped separator");
                builder.Append(text[i]);
                continue;
            }

            i++;
            builder.Append(text[i] switch { 'n' => '\n', var c => c });
        }

        return builder.ToString();
    }
}
