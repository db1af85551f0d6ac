namespace Rekindle.Core.CheckIns;

/// <summary>
/// One daily check-in. There is at most one per local calendar day: saving a day that already has one replaces it.
/// </summary>
/// <param name="Date">The user's local calendar day the check-in is about.</param>
/// <param name="Mood">How the day felt, 1 (very low) to 10 (very good).</param>
/// <param name="SleepHours">
/// Hours slept the night before, 0 to 24 in half-hour steps (7, 7.5, 8...). Hours were chosen over a
/// "poor / okay / good" scale because they are concrete, easy to recall and chartable; the half-hour step keeps
/// the form simple and avoids false precision.
/// </param>
/// <param name="AteProperly">Whether the user ate real meals today.</param>
/// <param name="Moved">Whether the user moved their body today (a walk counts).</param>
/// <param name="UrgeCount">How many urges to reach out today, 0 to 99.</param>
/// <param name="StrongestUrge">The strongest urge, 1 to 10; required when <paramref name="UrgeCount"/> is above zero, null otherwise.</param>
/// <param name="HadContact">Whether there was contact with the ex today (the user's own account; the contact log decides the streak).</param>
/// <param name="Word">One word or a short phrase for the day, up to 40 characters, or null.</param>
public sealed record CheckIn(
    DateOnly Date,
    int Mood,
    decimal SleepHours,
    bool AteProperly,
    bool Moved,
    int UrgeCount,
    int? StrongestUrge,
    bool HadContact,
    string? Word);

/// <summary>The field names used as keys in <see cref="CheckInValidation.Errors"/> (the property names of <see cref="CheckIn"/>).</summary>
public static class CheckInFields
{
    public const string Date = nameof(CheckIn.Date);
    public const string Mood = nameof(CheckIn.Mood);
    public const string SleepHours = nameof(CheckIn.SleepHours);
    public const string UrgeCount = nameof(CheckIn.UrgeCount);
    public const string StrongestUrge = nameof(CheckIn.StrongestUrge);
    public const string Word = nameof(CheckIn.Word);
}
