using Rekindle.Core.Content;

namespace Rekindle.Core.Assessments;

/// <summary>Where the pause between the finished inventory and "Pursue" stands on a given day.</summary>
/// <param name="InventoryFinishedOn">The local day the inventory was first finished, or null while it isn't.</param>
/// <param name="DaysSince">Whole days since then (0 on that day); 0 while it isn't finished.</param>
/// <param name="PursueOpen">Whether "Pursue" can be chosen today, as far as the pause goes (the safety policy still decides first).</param>
/// <param name="DaysLeft">Days until "Pursue" opens; 0 once it has.</param>
/// <param name="OpensOn">The first day "Pursue" opens, or null while the inventory isn't finished.</param>
/// <param name="SuggestedOn">The day the suggested pause ends, or null while the inventory isn't finished.</param>
/// <param name="Detail">What to tell the user: the count and where it stands.</param>
public sealed record CoolingState(DateOnly? InventoryFinishedOn, int DaysSince, bool PursueOpen, int DaysLeft, DateOnly? OpensOn, DateOnly? SuggestedOn, Phrase Detail);

/// <summary>
/// A real cooling period: "Pursue" opens only once at least <see cref="MinimumDays"/> days have passed since the
/// honest inventory was finished, and <see cref="SuggestedDays"/> are suggested. A choice made in the days right
/// after looking hard at why it ended tends to come from what that stirred up. "Not now" and "Let go" never wait,
/// and choosing "Not now" first doesn't shorten the pause: it counts from the inventory, whatever came between.
/// This is only a pause: the reconciliation policy (Rekindle.Core.Safety) is asked first and can close "Pursue"
/// whatever the count says.
/// </summary>
public static class CoolingPeriod
{
    public const int MinimumDays = 7;
    public const int SuggestedDays = 14;

    public static CoolingState Evaluate(DateOnly? inventoryFinishedOn, DateOnly today)
    {
        if (inventoryFinishedOn is not { } finished)
        {
            return new CoolingState(null, 0, false, MinimumDays, null, null, new Phrase("cooling.detail.inventory-first", ("minimum", MinimumDays)));
        }

        // A clock or zone change can put today before the day it was finished: nothing has passed yet.
        var since = Math.Max(0, today.DayNumber - finished.DayNumber);
        var opensOn = finished.AddDays(MinimumDays);
        var suggestedOn = finished.AddDays(SuggestedDays);
        var left = Math.Max(0, MinimumDays - since);
        var detail = since == 0 ? new Phrase("cooling.detail.today", ("left", left), ("suggested", SuggestedDays))
            : left > 0
                ? new Phrase(left == 1 ? "cooling.detail.one-day-left" : "cooling.detail.days-left",
                    ("since", since), ("minimum", MinimumDays), ("left", left), ("suggested", SuggestedDays))
            : since == SuggestedDays - 1 ? new Phrase("cooling.detail.open-early-one", ("since", since), ("suggested", SuggestedDays))
            : since < SuggestedDays ? new Phrase("cooling.detail.open-early", ("since", since), ("suggested", SuggestedDays), ("more", SuggestedDays - since))
            : new Phrase("cooling.detail.open", ("since", since));
        return new CoolingState(finished, since, left == 0, left, opensOn, suggestedOn, detail);
    }
}
