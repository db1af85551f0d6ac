namespace Rekindle.Core.NoContact;

/// <summary>The length of no contact the user commits to: 21 to 45 days, 30 unless they choose.</summary>
public static class NoContactTarget
{
    public const int Minimum = 21;
    public const int Maximum = 45;
    public const int Default = 30;

    public static bool IsValid(int days) => days is >= Minimum and <= Maximum;

    /// <summary>The milestones worth marking on the way.</summary>
    public static IReadOnlyList<int> Milestones { get; } = [7, 14, 21, 30, 45];
}
