using Rekindle.Core.Content;

namespace Rekindle.Web.Features.Journeys;

public sealed class InventoryModel(AssessmentHandler handler, JourneyReader reader, ProgramContent content) : AssessmentPageModel(handler, reader, content)
{
    protected override string Kind => AssessmentKinds.Inventory;
}
