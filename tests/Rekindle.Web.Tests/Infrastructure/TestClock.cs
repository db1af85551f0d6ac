namespace Rekindle.Web.Tests.Infrastructure;

/// <summary>A clock the tests move by hand, so day counts can be checked across days and zones.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Set(DateTimeOffset instant) => now = instant;

    public void Advance(TimeSpan by) => now += by;
}
