using Rekindle.Core.CheckIns;

namespace Rekindle.Core.Tests.CheckIns;

/// <summary>A clock that always says the same instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal static class Make
{
    public static CheckIn CheckIn(
        DateOnly date,
        int mood = 6,
        decimal sleep = 7.5m,
        int urges = 0,
        int? strongest = null,
        string? word = "okay",
        bool contact = false) =>
        new(date, mood, sleep, AteProperly: true, Moved: false, UrgeCount: urges, StrongestUrge: strongest, HadContact: contact, Word: word);

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}
