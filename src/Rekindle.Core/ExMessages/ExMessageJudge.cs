using Rekindle.Core.Journey;

namespace Rekindle.Core.ExMessages;

/// <summary>The user's answers about a message from their ex. Each is yes, no, or not sure (null).</summary>
public sealed record ExMessageAnswers(
    bool? AcknowledgesWhatWentWrong,
    bool? ShowsEvidenceOfChange,
    bool? StatesClearIntention,
    bool? IsEmergencyOrLogistics,
    bool? LateAtNight,
    bool? Vague,
    bool? Sporadic);

public enum Substance
{
    /// <summary>It names what went wrong, shows their own work, and says what they want.</summary>
    Substantive,

    /// <summary>Some substance, some breadcrumbs: worth waiting to see if actions follow.</summary>
    Mixed,

    /// <summary>Vague, sporadic or late-night contact without substance: often loneliness, curiosity or nostalgia.</summary>
    Breadcrumbs,
}

public enum ExMessageAdvice
{
    /// <summary>A real emergency or logistics: handle it on topic, briefly.</summary>
    HandleOnTopic,

    /// <summary>During no contact: it can wait; log it and don't engage.</summary>
    LetItWait,

    /// <summary>Reconciliation is off (safety): protect yourself; no reply is owed.</summary>
    ProtectYourself,

    /// <summary>After no contact, and it has substance: a calm, unhurried reply fits, if you have decided to try.</summary>
    ReplyCalmly,

    /// <summary>After no contact, but it is mostly breadcrumbs: you don't have to answer; watch for actions.</summary>
    NoReplyNeeded,
}

/// <summary>One point of the judgement, with whether it counts toward substance.</summary>
public sealed record JudgementPoint(string Key, bool TowardSubstance);

public sealed record ExMessageJudgement(Substance Substance, ExMessageAdvice Advice, IReadOnlyList<JudgementPoint> Points);

/// <summary>
/// Judges substance, not the fact of contact: does the message acknowledge what went wrong, show their own
/// work, and state a clear intention? Or is it sporadic, vague or late at night? The phase decides what to do.
/// </summary>
public static class ExMessageJudge
{
    public static ExMessageJudgement Judge(ExMessageAnswers answers, Phase phase, bool safetyPivot)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var points = new List<JudgementPoint>();
        void Point(bool? answer, string yesKey, string noKey, bool yesIsSubstance)
        {
            if (answer is true)
            {
                points.Add(new(yesKey, yesIsSubstance));
            }
            else if (answer is false)
            {
                points.Add(new(noKey, !yesIsSubstance));
            }
        }

        Point(answers.AcknowledgesWhatWentWrong, "acknowledges", "no-acknowledgement", yesIsSubstance: true);
        Point(answers.ShowsEvidenceOfChange, "evidence-of-change", "no-evidence", yesIsSubstance: true);
        Point(answers.StatesClearIntention, "clear-intention", "no-intention", yesIsSubstance: true);
        Point(answers.LateAtNight, "late-night", "daytime", yesIsSubstance: false);
        Point(answers.Vague, "vague", "specific", yesIsSubstance: false);
        Point(answers.Sporadic, "sporadic", "consistent", yesIsSubstance: false);

        var core = new[] { answers.AcknowledgesWhatWentWrong, answers.ShowsEvidenceOfChange, answers.StatesClearIntention };
        var coreYes = core.Count(a => a is true);
        var crumbs = new[] { answers.LateAtNight, answers.Vague, answers.Sporadic }.Count(a => a is true);
        var substance = coreYes == 3 && crumbs == 0 ? Substance.Substantive
            : coreYes >= 2 && crumbs <= 1 ? Substance.Mixed
            : Substance.Breadcrumbs;

        ExMessageAdvice advice;
        if (answers.IsEmergencyOrLogistics is true)
        {
            advice = ExMessageAdvice.HandleOnTopic;
        }
        else if (safetyPivot || phase == Phase.Heal)
        {
            advice = ExMessageAdvice.ProtectYourself;
        }
        else if (phase is Phase.Situation or Phase.Stabilize or Phase.NoContact or Phase.Focus or Phase.Reflect or Phase.Decide)
        {
            advice = ExMessageAdvice.LetItWait;
        }
        else
        {
            advice = substance == Substance.Breadcrumbs ? ExMessageAdvice.NoReplyNeeded : ExMessageAdvice.ReplyCalmly;
        }

        // On the healing track a message is read for control (ControlReader), never weighed for substance.
        return new ExMessageJudgement(substance, advice, safetyPivot || phase == Phase.Heal ? [] : points);
    }

    /// <summary>A message that arrived between 22:00 and 05:00 local time counts as late at night.</summary>
    public static bool IsLateNight(TimeOnly localTime) => localTime.Hour >= 22 || localTime.Hour < 5;
}
