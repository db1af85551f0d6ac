namespace Rekindle.Web.Tests.Infrastructure;

/// <summary>A clock the tests move by hand, so day counts can be checked across days and zones.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    /// <summary>When set, the clock runs in real time (for schedulers that wait on it).</summary>
    public bool Live { get; set; }

    public override DateTimeOffset GetUtcNow() => Live ? DateTimeOffset.UtcNow : now;

    public void Set(DateTimeOffset instant) => now = instant;

    public void Advance(TimeSpan by) => now += by;
}
