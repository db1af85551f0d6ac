namespace Rekindle.Core.Journey;

/// <summary>
/// Which program a user follows. The safety pivot moves a user to the healing track: its own daily plan, its own
/// guides and its own words for no contact (protection, with no end that leads back to them). Everything that
/// differs between the two is chosen from the track in <see cref="Content.ProgramContent"/>, never page by page.
/// </summary>
public enum Track { Reconciliation, Healing }

public static class Tracks
{
    /// <summary>The track for a user: healing after any yes on the safety screen, otherwise the main program.</summary>
    public static Track For(bool safetyPivot) => safetyPivot ? Track.Healing : Track.Reconciliation;

    /// <summary>The stable id used in content files and the API.</summary>
    public static string Id(this Track track) => track == Track.Healing ? "healing" : "reconciliation";

    public static bool TryParse(string? id, out Track track)
    {
        switch (id)
        {
            case "healing":
                track = Track.Healing;
                return true;
            case "reconciliation":
                track = Track.Reconciliation;
                return true;
            default:
                track = default;
                return false;
        }
    }
}
