using Microsoft.AspNetCore.Identity;
using Rekindle.Core.NoContact;

namespace Rekindle.Web.Data;

public sealed class AppUser : IdentityUser<Guid>
{
    public DateTime CreatedAt { get; set; }
}

/// <summary>Who ended the relationship.</summary>
public enum WhoEnded { Me, Them, Mutual }

/// <summary>A considered decision, or something said in the heat of a fight.</summary>
public enum BreakupKind { Considered, Fight, NotSure }

/// <summary>Records that can be edited from a form carry a version, so a stale form never overwrites newer data.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>One per user: their situation, safety answers and no-contact settings.</summary>
public sealed class UserProfile : IVersioned
{
    public Guid UserId { get; set; }

    /// <summary>IANA time zone id: every day the program counts is a day in this zone.</summary>
    public string TimeZoneId { get; set; } = "Etc/UTC";

    /// <summary>ISO 3166 alpha-2 code used for crisis resources ("US", "GB"...), or "ZZ" for anywhere else.</summary>
    public string CountryCode { get; set; } = "ZZ";

    public WhoEnded? WhoEnded { get; set; }
    public DateOnly? BreakupDate { get; set; }
    public int? MonthsTogether { get; set; }
    public BreakupKind? BreakupKind { get; set; }

    public bool SharesChildren { get; set; }
    public bool SharesWork { get; set; }
    public bool SharesHome { get; set; }
    public bool SharesFriends { get; set; }
    public bool SharesPets { get; set; }

    public DateTime? SituationCompletedAt { get; set; }

    public bool SafetyAbuse { get; set; }
    public bool SafetyThreats { get; set; }
    public bool SafetyControlling { get; set; }
    public bool SafetyRepeatedBetrayal { get; set; }
    public DateTime? SafetyCompletedAt { get; set; }

    /// <summary>When a message from the ex was read as threatening the user. Closes reconciliation for good.</summary>
    public DateTime? ExThreatFoundAt { get; set; }

    /// <summary>The local date no contact began, or null before the user commits to it.</summary>
    public DateOnly? NoContactStartedOn { get; set; }
    public int NoContactTargetDays { get; set; } = NoContactTarget.Default;

    /// <summary>When a crisis reader last found words of crisis in something the user wrote (UTC), or null. Set by that reader.</summary>
    public DateTime? LastCrisisFoundAt { get; set; }

    /// <summary>When the user last put the dashboard's low-mood follow-up card away (UTC), or null.</summary>
    public DateTime? LowMoodCardDismissedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Any shared tie means limited contact: logistics only, instead of zero contact.</summary>
    public bool LimitedContact => SharesChildren || SharesWork || SharesHome || SharesFriends || SharesPets;

    public bool SafetyPivot => SafetyAbuse || SafetyThreats || SafetyControlling || SafetyRepeatedBetrayal;
}

/// <summary>A contact with the ex during no contact.</summary>
public sealed class ContactEvent : IVersioned
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>The user's local date when it happened, fixed at logging time so travel never moves it.</summary>
    public DateOnly LocalDate { get; set; }

    public ContactInitiator Initiator { get; set; }

    /// <summary>Decided when logged from the rules in force then, so later setting changes never rewrite history.</summary>
    public bool RestartedCount { get; set; }

    /// <summary>The note, encrypted with the user's key (see UserCipher). Never plain text.</summary>
    public string? NoteCipher { get; set; }

    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A user's data key, wrapped by Data Protection. Deleting this row makes their text unreadable.</summary>
public sealed class UserKey
{
    public Guid UserId { get; set; }
    public string WrappedKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
