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

/// <summary>One per user: their situation, safety answers (encrypted) and no-contact settings.</summary>
public sealed class UserProfile : IVersioned
{
    public Guid UserId { get; set; }

    /// <summary>IANA time zone id: every day the program counts is a day in this zone.</summary>
    public string TimeZoneId { get; set; } = "Etc/UTC";

    /// <summary>ISO 3166 alpha-2 code used for crisis resources ("US", "GB"...), or "ZZ" for anywhere else.</summary>
    public string CountryCode { get; set; } = "ZZ";

    // The situation and safety answers say how the relationship was and ended, and whether the person is safe: they
    // are stored only encrypted with the user's key, together in AnswersCipher (see ProfileAnswers). A profile read
    // from the database holds them sealed until ProfileAnswers.OpenAsync decrypts them; reading or changing one
    // before that throws, so no page can mistake a sealed "yes" for a "no". Profiles.GetOrCreateAsync and the
    // journey reader open them; a change must be sealed again (ProfileAnswers.SealAsync) before saving, which the
    // context checks.
    public WhoEnded? WhoEnded { get => Read().WhoEnded; set => Write().WhoEnded = value; }
    public DateOnly? BreakupDate { get => Read().BreakupDate; set => Write().BreakupDate = value; }
    public int? MonthsTogether { get => Read().MonthsTogether; set => Write().MonthsTogether = value; }
    public BreakupKind? BreakupKind { get => Read().BreakupKind; set => Write().BreakupKind = value; }

    public bool SharesChildren { get => Read().SharesChildren; set => Write().SharesChildren = value; }
    public bool SharesWork { get => Read().SharesWork; set => Write().SharesWork = value; }
    public bool SharesHome { get => Read().SharesHome; set => Write().SharesHome = value; }
    public bool SharesFriends { get => Read().SharesFriends; set => Write().SharesFriends = value; }
    public bool SharesPets { get => Read().SharesPets; set => Write().SharesPets = value; }

    public DateTime? SituationCompletedAt { get; set; }

    public bool SafetyAbuse { get => Read().SafetyAbuse; set => Write().SafetyAbuse = value; }
    public bool SafetyThreats { get => Read().SafetyThreats; set => Write().SafetyThreats = value; }
    public bool SafetyControlling { get => Read().SafetyControlling; set => Write().SafetyControlling = value; }
    public bool SafetyRepeatedBetrayal { get => Read().SafetyRepeatedBetrayal; set => Write().SafetyRepeatedBetrayal = value; }
    public DateTime? SafetyCompletedAt { get; set; }

    private ProfileAnswerValues answers = new();
    private string? answersCipher;
    private bool answersSealed;

    /// <summary>
    /// The answers above, encrypted together (ProfileAnswers), or null when none were ever given. Setting a different
    /// value (the database does, when it reads the row) seals the answers until they are opened again.
    /// </summary>
    public string? AnswersCipher
    {
        get => answersCipher;
        set
        {
            if (value == answersCipher)
            {
                return;
            }

            answersCipher = value;
            answers = new();
            answersSealed = value is not null;
            AnswersChanged = false;
        }
    }

    /// <summary>True while the answers are still encrypted (read from the database and not yet opened).</summary>
    public bool AnswersSealed => answersSealed;

    /// <summary>True once an answer was changed and not sealed again since.</summary>
    public bool AnswersChanged { get; private set; }

    /// <summary>The answers as they are now, for sealing.</summary>
    internal ProfileAnswerValues AnswerValues => Read();

    /// <summary>Opens the answers with their decrypted values (ProfileAnswers.OpenAsync).</summary>
    internal void OpenAnswers(ProfileAnswerValues values)
    {
        answers = values;
        answersSealed = false;
        AnswersChanged = false;
    }

    /// <summary>Records the ciphertext the current answers were sealed into (ProfileAnswers.SealAsync).</summary>
    internal void AnswersWereSealed(string cipher)
    {
        answersCipher = cipher;
        AnswersChanged = false;
    }

    private ProfileAnswerValues Read() => answersSealed
        ? throw new InvalidOperationException("The profile's answers are still encrypted: open them first (ProfileAnswers.OpenAsync).")
        : answers;

    private ProfileAnswerValues Write()
    {
        var values = Read();
        AnswersChanged = true;
        return values;
    }

    // When the crisis reader last found words of crisis, when a message from the ex was read as a threat, and when the
    // low-mood card was put away, say how the person is and how the relationship stands: they are stored only
    // encrypted, together in MarksCipher (see
    // ProfileMarks), and guarded like the answers: opened with them (ProfileAnswers.OpenAsync), sealed with them.

    /// <summary>When a message from the ex was read as threatening the user. Closes reconciliation for good.</summary>
    public DateTime? ExThreatFoundAt { get => ReadMarks().ExThreatFoundAt; set => WriteMarks().ExThreatFoundAt = value; }

    /// <summary>The local date no contact began, or null before the user commits to it.</summary>
    public DateOnly? NoContactStartedOn { get; set; }
    public int NoContactTargetDays { get; set; } = NoContactTarget.Default;

    /// <summary>When a crisis reader last found words of crisis in something the user wrote (UTC), or null. Set by that reader.</summary>
    public DateTime? LastCrisisFoundAt { get => ReadMarks().LastCrisisFoundAt; set => WriteMarks().LastCrisisFoundAt = value; }

    private ProfileMarkValues marks = new();
    private string? marksCipher;
    private bool marksSealed;

    /// <summary>The three mark times, encrypted together (ProfileMarks), or null when none is set.</summary>
    public string? MarksCipher
    {
        get => marksCipher;
        set
        {
            if (value == marksCipher)
            {
                return;
            }

            marksCipher = value;
            marks = new();
            marksSealed = value is not null;
            MarksChanged = false;
        }
    }

    /// <summary>True while the marks are still encrypted (read from the database and not yet opened).</summary>
    public bool MarksSealed => marksSealed;

    /// <summary>True once a mark was changed and not sealed again since.</summary>
    public bool MarksChanged { get; private set; }

    internal ProfileMarkValues MarkValues => ReadMarks();

    internal void OpenMarks(ProfileMarkValues values)
    {
        marks = values;
        marksSealed = false;
        MarksChanged = false;
    }

    internal void MarksWereSealed(string? cipher)
    {
        marksCipher = cipher;
        MarksChanged = false;
    }

    private ProfileMarkValues ReadMarks() => marksSealed
        ? throw new InvalidOperationException("The profile's marks are still encrypted: open them first (ProfileAnswers.OpenAsync).")
        : marks;

    private ProfileMarkValues WriteMarks()
    {
        var values = ReadMarks();
        MarksChanged = true;
        return values;
    }

    /// <summary>When the user last put the dashboard's low-mood follow-up card away (UTC), or null (in MarksCipher: it tells of low moods).</summary>
    public DateTime? LowMoodCardDismissedAt { get => ReadMarks().LowMoodCardDismissedAt; set => WriteMarks().LowMoodCardDismissedAt = value; }

    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Any shared tie means limited contact: logistics only, instead of zero contact.</summary>
    public bool LimitedContact => SharesChildren || SharesWork || SharesHome || SharesFriends || SharesPets;

    public bool SafetyPivot => SafetyAbuse || SafetyThreats || SafetyControlling || SafetyRepeatedBetrayal;
}

/// <summary>The situation and safety answers of a profile, as they are encrypted together (see ProfileAnswers).</summary>
public class ProfileAnswerValues
{
    public WhoEnded? WhoEnded { get; set; }
    public DateOnly? BreakupDate { get; set; }
    public int? MonthsTogether { get; set; }
    public BreakupKind? BreakupKind { get; set; }
    public bool SharesChildren { get; set; }
    public bool SharesWork { get; set; }
    public bool SharesHome { get; set; }
    public bool SharesFriends { get; set; }
    public bool SharesPets { get; set; }
    public bool SafetyAbuse { get; set; }
    public bool SafetyThreats { get; set; }
    public bool SafetyControlling { get; set; }
    public bool SafetyRepeatedBetrayal { get; set; }
}

/// <summary>When the crisis reader found a threat from the ex and last found words of crisis, and when the low-mood card was put away (see ProfileMarks).</summary>
public sealed class ProfileMarkValues
{
    public DateTime? ExThreatFoundAt { get; set; }
    public DateTime? LastCrisisFoundAt { get; set; }
    public DateTime? LowMoodCardDismissedAt { get; set; }
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
