using Rekindle.Core.Content;

namespace Rekindle.Web.Features.Journeys;

public sealed class HealingModel(AssessmentHandler handler, JourneyReader reader, ProgramContent content) : AssessmentPageModel(handler, reader, content)
{
    /// <summary>The healing track after the safety pivot; otherwise the plan for accepting an ending.</summary>
    protected override string Kind => Journey?.OnHealingTrack == true ? AssessmentKinds.Heal : AssessmentKinds.Accept;

    public PlanContent Plan => Kind == AssessmentKinds.Heal ? Words.Heal : Words.Accept;

    /// <summary>They chose to let go, or heard no: the page opens by honouring that.</summary>
    public bool EndingReached => Journey.Facts.Decision == Rekindle.Core.Journey.Decision.LetGo || Journey.Facts.Outcome == Rekindle.Core.Journey.TalkOutcome.No || Journey.Facts.SilenceEnded;
}
