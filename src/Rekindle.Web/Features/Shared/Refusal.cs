using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Core.Content;
using Rekindle.Core.Safety;

namespace Rekindle.Web.Features.Shared;

/// <summary>A link to something open instead of a closed reconciliation tool.</summary>
public sealed record OpenLink(string Id, string Title, string Href);

/// <summary>
/// A handler's answer when the reconciliation policy closes the work it was asked to do. Pages show the
/// healing-track explanation (_Refused.cshtml); the API answers 409 with a problem document.
/// </summary>
public sealed record ReconciliationRefusal(ReconciliationDecision Decision)
{
    /// <summary>The page strings explaining each reason, under the reason's code.</summary>
    public const string Reasons = "refused.reasons";

    /// <summary>The page strings naming what is open instead, under its id.</summary>
    public const string Instead = "refused.instead";

    public ReconciliationReason Reason => Decision.Reason ?? ReconciliationReason.ScreenNotAnswered;

    /// <summary>The reason as a stable kebab-case code ("safety-answer").</summary>
    public string Code => ReasonCode(Reason);

    /// <summary>The page string that explains the reason.</summary>
    public string ReasonKey => $"{Reasons}.{Code}";

    public static string ReasonCode(ReconciliationReason reason) => reason switch
    {
        ReconciliationReason.ScreenNotAnswered => "screen-not-answered",
        ReconciliationReason.SafetyAnswer => "safety-answer",
        ReconciliationReason.RedFlag => "red-flag",
        ReconciliationReason.InventoryAbuse => "inventory-abuse",
        ReconciliationReason.ExThreat => "ex-threat",
        _ => "leaving-track-waiting",
    };

    public static string Href(string id) => id switch
    {
        OpenInstead.Healing => "/healing",
        OpenInstead.HealingTrack => "/healing/track",
        OpenInstead.SafetyScreen => "/situation/safety",
        OpenInstead.NoContact => "/no-contact",
        OpenInstead.Journal => "/journal",
        OpenInstead.Letters => "/letters",
        _ => "/help",
    };

    public IReadOnlyList<OpenLink> Open(PageStrings strings) =>
        Decision.Instead.Select(id => new OpenLink(id, strings[$"{Instead}.{id}"], Href(id))).ToList();

    /// <summary>The API's answer: 409, why in kind words, and what is open instead.</summary>
    public ProblemHttpResult Problem(PageStrings strings) =>
        TypedResults.Problem(
            detail: strings[ReasonKey], statusCode: StatusCodes.Status409Conflict, title: strings["refused.api-title"],
            type: "https://rekindle.invalid/problems/reconciliation-closed",
            extensions: new Dictionary<string, object?>
            {
                ["reason"] = Code,
                ["open"] = Open(strings),
                ["opensAt"] = Decision.OpensAt,
            });
}
