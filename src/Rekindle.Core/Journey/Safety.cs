namespace Rekindle.Core.Journey;

/// <summary>The safety screen's answers. Asked plainly; never inferred.</summary>
public sealed record SafetyAnswers(
    bool Abuse,
    bool Threats,
    bool Controlling,
    bool RepeatedBetrayal)
{
    public static SafetyAnswers None { get; } = new(false, false, false, false);

    /// <summary>Any yes turns reconciliation coaching off and moves the user to the healing track.</summary>
    public bool PivotsToHealing => Abuse || Threats || Controlling || RepeatedBetrayal;
}
