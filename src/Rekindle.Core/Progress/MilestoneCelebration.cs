using Rekindle.Core.NoContact;

namespace Rekindle.Core.Progress;

/// <summary>A milestone reached in one no-contact stretch. Store the ones already celebrated.</summary>
/// <param name="Days">The milestone: 7, 14, 21, 30 or 45 contact-free days.</param>
/// <param name="StretchStartedOn">The local date the stretch began (<see cref="StreakSummary.StretchStartedOn"/>).</param>
public sealed record MilestoneMoment(int Days, DateOnly StretchStartedOn)
{
    /// <summary>The local day the milestone was reached.</summary>
    public DateOnly ReachedOn => StretchStartedOn.AddDays(Days);
}

/// <summary>
/// Decides which milestone to celebrate, once. A milestone belongs to a stretch: after a restart, day 7 of the new
/// stretch is worth celebrating again, so celebrations are keyed by the stretch's start date as well as the day count.
/// </summary>
public static class MilestoneCelebration
{
    /// <summary>
    /// The highest milestone reached in the current stretch, if it has not been celebrated yet; otherwise null.
    /// Lower milestones skipped over (the user was away on day 7 and is back on day 15) are not shown late:
    /// only the latest one is worth a moment, and once it is celebrated the lower ones never come up.
    /// </summary>
    public static MilestoneMoment? Due(StreakSummary streak, IEnumerable<MilestoneMoment> alreadyCelebrated)
    {
        ArgumentNullException.ThrowIfNull(streak);
        ArgumentNullException.ThrowIfNull(alreadyCelebrated);

        var reached = NoContactTarget.Milestones.Where(m => m <= streak.CurrentDays).DefaultIfEmpty(0).Max();
        if (reached == 0)
        {
            return null;
        }

        var moment = new MilestoneMoment(reached, streak.StretchStartedOn);
        return alreadyCelebrated.Contains(moment) ? null : moment;
    }
}
