using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.CheckIns;
using Rekindle.Web.Features.Coach;
using Rekindle.Web.Features.Journal;
using Rekindle.Web.Features.Journeys;
using Rekindle.Web.Features.Progress;
using Rekindle.Web.Features.Reminders;
using Rekindle.Web.Features.SafetyPlan;
using Rekindle.Web.Features.Dashboard;
using Rekindle.Web.Features.Help;
using Rekindle.Web.Features.Incidents;
using Rekindle.Web.Features.NoContact;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Features.Settings;
using Rekindle.Web.Features.Situation;
using Rekindle.Web.Features.TalkPrep;
using Rekindle.Web.Features.TriggerDates;
using Rekindle.Web.Features.Urges;

namespace Rekindle.Web.Features.Api;

/// <summary>The JSON API under /api/v1: the same handlers and rules as the pages.</summary>
public static class Api
{
    public const int MaxJsonBodyBytes = 64 * 1024;

    public static void MapRekindleApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxJsonBodyBytes))
            .DisableAntiforgery();

        api.MapAccountApi();
        api.MapSituationApi();
        api.MapNoContactApi();
        api.MapDashboardApi();
        api.MapFollowUpApi();
        api.MapHelpApi();
        api.MapMomentsApi();
        api.MapSettingsApi();
        api.MapCheckInApi();
        api.MapJournalApi();
        api.MapProgressApi();
        api.MapReminderApi();
        api.MapCoachApi();
        api.MapJourneyApi();
        api.MapSafetyPlanApi();
        api.MapIncidentApi();
        api.MapTalkPrepApi();
        api.MapTriggerDateApi();
    }

    public static ValidationProblem Problem(this FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToProblemErrors(), title: "Some fields need another look.");
}
