namespace Rekindle.Core.NoContact;

/// <summary>What the program advises after a contact has been logged.</summary>
public enum ContactAdvice
{
    /// <summary>Your own reach-out: the count starts again, without shame, and the history stays.</summary>
    FreshStart,

    /// <summary>They reached out for the first time in this stretch: don't engage.</summary>
    DoNotEngage,

    /// <summary>They keep reaching out: one short, calm request for space, then nothing more.</summary>
    AskForSpaceOnce,

    /// <summary>An emergency: handle it, stay on topic, then step back.</summary>
    HandleEmergency,

    /// <summary>Logistics in limited contact: keep it calm, brief and about the practical matter.</summary>
    KeepItPractical,

    /// <summary>Logistics without a shared tie counts as a reach-out.</summary>
    LogisticsCounted,

    /// <summary>An accidental meeting: polite, brief, then on with your day.</summary>
    PoliteAndBrief,
}

/// <summary>The no-contact rules from the program, as plain functions.</summary>
public static class ContactRules
{
    /// <summary>Only an unforced reach-out by the user restarts the count.</summary>
    public static bool BreaksStreak(ContactInitiator initiator, bool limitedContact) => initiator switch
    {
        ContactInitiator.Me => true,
        ContactInitiator.Logistics => !limitedContact,
        ContactInitiator.Them => false,
        ContactInitiator.AccidentalRunIn => false,
        ContactInitiator.Emergency => false,
        _ => throw new ArgumentOutOfRangeException(nameof(initiator), initiator, null),
    };

    /// <param name="initiator">Who started this contact.</param>
    /// <param name="limitedContact">Whether the user has a shared tie (children, work, home...).</param>
    /// <param name="earlierReachOutsByThem">How many times they reached out earlier in the current streak.</param>
    public static ContactAdvice AdviceFor(ContactInitiator initiator, bool limitedContact, int earlierReachOutsByThem) =>
        initiator switch
        {
            ContactInitiator.Me => ContactAdvice.FreshStart,
            ContactInitiator.Them => earlierReachOutsByThem >= 1 ? ContactAdvice.AskForSpaceOnce : ContactAdvice.DoNotEngage,
            ContactInitiator.Emergency => ContactAdvice.HandleEmergency,
            ContactInitiator.Logistics => limitedContact ? ContactAdvice.KeepItPractical : ContactAdvice.LogisticsCounted,
            ContactInitiator.AccidentalRunIn => ContactAdvice.PoliteAndBrief,
            _ => throw new ArgumentOutOfRangeException(nameof(initiator), initiator, null),
        };
}
