namespace Rekindle.Core.Assessments;

/// <summary>The order of stages after a decision to pursue: first message → light talk → call → casual meeting → date → the talk → outcome.</summary>
public static class StageTracker
{
    public static readonly IReadOnlyList<string> Order = ["first-message", "light-talk", "call", "casual-meeting", "date", "the-talk", "outcome"];

    public static bool IsStage(string? id) => id is not null && Order.Contains(id);

    /// <summary>
    /// Whether logging this stage means the user was in touch with their ex: every step from the first message to
    /// the talk, and the one follow-up after silence. Their answer (the outcome) and letting it rest are not contact
    /// of their own. During no contact such a stage counts as contact, so it is confirmed first and then logged there.
    /// </summary>
    public static bool IsContact(string? id) => id is not null && id != "outcome" && (Order.Contains(id) || id == Journey.NoReply.FollowUp);

    /// <summary>The furthest stage reached, from the stages logged (logging an earlier one later doesn't move you back).</summary>
    public static string? Furthest(IEnumerable<string> logged) =>
        logged.Where(IsStage).OrderBy(s => Order.IndexOf(s)).LastOrDefault();

    /// <summary>The stage to work on next, or null after the outcome.</summary>
    public static string? Next(string? furthest) =>
        furthest is null ? Order[0] : Order.IndexOf(furthest) is var i and >= 0 && i + 1 < Order.Count ? Order[i + 1] : null;

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
