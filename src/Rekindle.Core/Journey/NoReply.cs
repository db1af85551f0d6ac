namespace Rekindle.Core.Journey;

/// <summary>Where the road after a first message stands when no reply has come.</summary>
public enum SilenceStep
{
    /// <summary>No first message yet, or they replied (the stages go on), or the talk has an answer.</summary>
    None,

    /// <summary>The first message is out and the waiting days aren't over.</summary>
    Waiting,

    /// <summary>The waiting days passed with no reply: what it means and doesn't, one gentle follow-up or letting it rest.</summary>
    Silence,

    /// <summary>The one follow-up is out and its waiting days aren't over.</summary>
    WaitingAfterFollowUp,

    /// <summary>No reply to the follow-up either, or the user let it rest: the road leads to acceptance.</summary>
    Ended,
}

/// <param name="Step">Where the road stands.</param>
/// <param name="WaitDays">How many days the user waits for a reply before the next step.</param>
/// <param name="DaysWaited">Days since the last message (the follow-up when there is one).</param>
/// <param name="DaysLeft">Days until the waiting is over; 0 once it is.</param>
/// <param name="FollowUpAllowed">Whether the one gentle follow-up can be sent now.</param>
public sealed record SilenceState(SilenceStep Step, int WaitDays, int DaysWaited, int DaysLeft, bool FollowUpAllowed)
{
    public static readonly SilenceState None = new(SilenceStep.None, NoReply.DefaultWaitDays, 0, 0, false);
}

/// <summary>
/// The road after a first message that gets no reply: wait the days the user chose (7 unless they change it),
/// then say plainly what silence means and what it doesn't, allow at most one gentle follow-up, and after that
/// (or whenever the user lets it rest) lead to the acceptance track. Nothing here is a failure: it is a road with
/// an end. The reconciliation policy still decides first whether any of it is open.
/// </summary>
public static class NoReply
{
    public const int DefaultWaitDays = 7;
    public const int MinWaitDays = 2;
    public const int MaxWaitDays = 30;

    /// <summary>The stage ids this road adds to the stage log (they are not steps toward the talk).</summary>
    public const string FollowUp = "follow-up";
    public const string LetItRest = "no-reply";

    public static bool IsValidWaitDays(int days) => days is >= MinWaitDays and <= MaxWaitDays;

    /// <param name="firstMessageOn">The day of the first message, or null.</param>
    /// <param name="followUpOn">The day of the follow-up, or null.</param>
    /// <param name="replied">A later stage was logged (light talk, a call...) or the talk has an answer.</param>
    /// <param name="letItRest">The user chose to let it rest.</param>
    /// <param name="waitDays">The user's waiting days, or null for the default.</param>
    /// <param name="today">The user's local today.</param>
    public static SilenceState Evaluate(DateOnly? firstMessageOn, DateOnly? followUpOn, bool replied, bool letItRest, int? waitDays, DateOnly today)
    {
        var wait = waitDays is { } w && IsValidWaitDays(w) ? w : DefaultWaitDays;
        if (firstMessageOn is not { } first || replied)
        {
            return SilenceState.None with { WaitDays = wait };
        }

        var last = followUpOn is { } f && f > first ? f : followUpOn ?? first;
        var waited = Math.Max(0, today.DayNumber - last.DayNumber);
        var left = Math.Max(0, wait - waited);
        if (letItRest)
        {
            return new SilenceState(SilenceStep.Ended, wait, waited, 0, false);
        }

        if (followUpOn is null)
        {
            return left > 0 ? new SilenceState(SilenceStep.Waiting, wait, waited, left, false) : new SilenceState(SilenceStep.Silence, wait, waited, 0, true);
        }

        return left > 0 ? new SilenceState(SilenceStep.WaitingAfterFollowUp, wait, waited, left, false) : new SilenceState(SilenceStep.Ended, wait, waited, 0, false);
    }
}
