using Rekindle.Core.Coach;
using Rekindle.Core.Journey;
using Rekindle.Core.Safety;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Dashboard;
using Rekindle.Web.Features.Help;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Journeys;
using Rekindle.Web.Features.Shared;

namespace Rekindle.Web.Features.Coach;

public sealed class CoachInput
{
    public string? Text { get; set; }

    /// <summary>A stage id ("first-contact"); empty means the stage that fits the user's phase.</summary>
    public string? Stage { get; set; }
}

/// <param name="Hint">What to write instead, for this finding at this stage.</param>
/// <param name="Source">"pattern" (a phrase the rules know) or "meaning" (the learned layer read the sentence).</param>
public sealed record CoachFindingView(string Category, string Severity, int Start, int Length, string Explanation, string Hint = "", string Source = "pattern");

public sealed record CoachView(
    string Stage, bool StageInferred, string Verdict, string Summary, IReadOnlyList<CoachFindingView> Findings, IReadOnlyList<string> Suggestions,
    bool ShowCrisisResources, CrisisCountry? CrisisResources, SafetyView Safety);

/// <summary>
/// The draft coach for the page and /api/v1/coach. Drafts are read, never stored. The stages that coach a message
/// toward getting back together ask the reconciliation policy first.
/// </summary>
public sealed class CoachHandler(RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, DashboardHandler dashboard, CrisisDirectory crisis, ReconciliationGate gate, SafetyNet safety, CoachReader coach)
{
    /// <summary>The stages the page offers now: all of them, or without the reconciliation ones while those are closed.</summary>
    public async Task<(IReadOnlyList<string> Stages, ReconciliationRefusal? Refusal)> StagesAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var refusal = await gate.RefuseAsync(userId, cancellationToken);
        var stages = Enum.GetValues<CoachStage>().Where(s => refusal is null || !s.IsReconciliation()).Select(s => s.Id()).ToList();
        return (stages, refusal);
    }

    /// <summary>The stage that fits the user's place in the program: on the healing track, a boundary message.</summary>
    public async Task<CoachStage> InferStageAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var view = await dashboard.GetAsync(userId, cancellationToken);
        return CoachStages.ForPhase(view.Phase, view.LimitedContact, healingTrack: view.SafetyPivot);
    }

    public async Task<Outcome<CoachView>> AnalyzeAsync(Guid userId, CoachInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        if (DraftCoach.Problem(input.Text) is { } problem)
        {
            errors.Add(nameof(input.Text), problem);
        }

        CoachStage stage;
        var inferred = string.IsNullOrWhiteSpace(input.Stage);
        if (inferred)
        {
            stage = await InferStageAsync(userId, cancellationToken);
        }
        else if (!CoachIds.TryParseStage(input.Stage, out stage))
        {
            errors.Add(nameof(input.Stage), "Choose one of the stages in the list.");
        }

        if (stage.IsReconciliation() && (inferred || !errors.Fields.Contains(nameof(input.Stage)))
            && await gate.RefuseAsync(userId, cancellationToken) is { } refusal)
        {
            return Outcome<CoachView>.Refused(refusal);
        }

        if (errors.Any)
        {
            return Outcome<CoachView>.Invalid(errors);
        }

        // The one crisis reader reads the draft first; the coach turns a crisis into a finding that stops everything else.
        var reading = safety.Read(Voice.Own, input.Text);
        var report = coach.Analyze(input.Text!, stage, reading, cancellationToken);
        await safety.RecordAsync(userId, reading, cancellationToken);
        var safetyView = await safety.ViewAsync(userId, reading, cancellationToken);
        CrisisCountry? resources = null;
        if (report.ShowCrisisResources)
        {
            var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
            resources = crisis.For(profile.CountryCode);
        }

        return Outcome<CoachView>.Ok(new CoachView(
            stage.Id(), inferred, report.Verdict.Id(), report.Summary,
            report.Findings.Select(f => new CoachFindingView(f.Category.Id(), f.Severity.Id(), f.Start, f.Length, f.Explanation, f.Hint, f.ByModel ? "meaning" : "pattern")).ToList(),
            report.Suggestions, report.ShowCrisisResources, resources, safetyView));
    }

    public static string StageName(string id) => id switch
    {
        "no-contact" => "No contact",
        "limited-contact" => "Limited contact (practical matters only)",
        "first-contact" => "A first message after no contact",
        "reconnecting" => "Reconnecting: light, friendly messages",
        "inviting" => "Inviting them to meet",
        "the-talk" => "The talk about the relationship",
        "together" => "Back together",
        "boundary" => "A boundary or logistics message (practical matters only)",
        _ => id,
    };

    public static string CategoryName(string id) => id switch
    {
        "declaration" => "Declaring feelings",
        "relationship-talk" => "Talking about the relationship",
        "begging" => "Pleading",
        "pity" => "Seeking sympathy",
        "guilt" => "Guilt-tripping",
        "jealousy" => "Their love life",
        "blame" => "Blame",
        "pressure" => "Pressure",
        "promise" => "Promises of change",
        "games" => "Games",
        "wellbeing-question" => "\"How are you?\"",
        "length" => "Length",
        "self-harm" => "Your safety",
        "threat" => "A threat",
        "late-night" => "A late-night message",
        "feelings" => "Feelings",
        "apology" => "An apology",
        "reminiscing" => "Shared memories",
        "personal-question" => "Questions about their life",
        "reconnection" => "An opening to reconnect",
        "over-explaining" => "Over-explaining",
        "emotional-bait" => "Emotional bait",
        _ => id,
    };

    /// <summary>The draft cut into plain and highlighted pieces, for showing findings in place (overlaps go to the first).</summary>
    public static IReadOnlyList<(string Text, CoachFindingView? Finding)> Segments(string text, IReadOnlyList<CoachFindingView> findings)
    {
        var pieces = new List<(string, CoachFindingView?)>();
        var at = 0;
        foreach (var finding in findings.Where(f => f.Length < text.Length || findings.Count == 1).OrderBy(f => f.Start).ThenBy(f => f.Source == "pattern" ? 0 : 1).ThenBy(f => f.Length))
        {
            if (finding.Start < at || finding.Start + finding.Length > text.Length)
            {
                continue;
            }

            if (finding.Start > at)
            {
                pieces.Add((text[at..finding.Start], null));
            }

            pieces.Add((text.Substring(finding.Start, finding.Length), finding));
            at = finding.Start + finding.Length;
        }

        if (at < text.Length)
        {
            pieces.Add((text[at..], null));
        }

        return pieces;
    }
}
