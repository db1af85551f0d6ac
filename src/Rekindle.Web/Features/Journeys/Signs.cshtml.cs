using Rekindle.Core.Content;

namespace Rekindle.Web.Features.Journeys;

public sealed class SignsModel(AssessmentHandler handler, JourneyReader reader, ProgramContent content) : AssessmentPageModel(handler, reader, content)
{
    protected override string Kind => AssessmentKinds.Signs;
}
