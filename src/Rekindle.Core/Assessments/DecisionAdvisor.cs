using Rekindle.Core.Content;

namespace Rekindle.Core.Assessments;

public enum PointKind { SeriousRedFlag, RedFlag, Desperation, OpenQuestion, GreenLight, Reason }

/// <summary>One point of the explanation: what it is and why it matters. Shown in order, serious things first.</summary>
public sealed record AdvicePoint(PointKind Kind, string Id, string Label, string Why);

public enum Leaning { DoNotPursue, NotYet, OpenToTrying }

public sealed record DecideAnswers(
    IReadOnlyList<string> ReasonsFor, IReadOnlyList<string> ReasonsAgainst, IReadOnlyDictionary<string, string> Questions,
    IReadOnlyList<string> RedFlags, IReadOnlyList<string> GreenLights, IReadOnlyDictionary<string, string> RealityCheck);

/// <summary>The decision's explanation, point by point. There is no score: each point says why it counts.</summary>
public sealed record DecisionAdvice(Leaning Leaning, string Summary, IReadOnlyList<AdvicePoint> Points);

public static class DecisionAdvisor
{
    public static readonly string[] Answers = ["yes", "no", "unsure"];

    public static DecisionAdvice Explain(DecideAnswers answers, DecideContent content)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(content);
        var points = new List<AdvicePoint>();
        foreach (var flag in content.RedFlags.Where(f => answers.RedFlags.Contains(f.Id)))
        {
            points.Add(flag.Flag
                ? new(PointKind.SeriousRedFlag, flag.Id, flag.Label, "This is serious enough to change the advice on its own. Going back to it risks going back to the harm.")
                : new(PointKind.RedFlag, flag.Id, flag.Label, "A warning sign. On its own it may be workable, but only if you both face it openly."));
        }

        foreach (var reason in content.ReasonsAgainst.Where(r => answers.ReasonsAgainst.Contains(r.Id)))
        {
            points.Add(new(PointKind.Desperation, reason.Id, reason.Label, "This reason comes from desperation, not from who they are. It deserves care, but it is not a reason to go back."));
        }

        foreach (var question in content.Questions)
        {
            var answer = answers.Questions.TryGetValue(question.Id, out var a) ? a : "unsure";
            if (answer != "yes")
            {
                points.Add(new(PointKind.OpenQuestion, question.Id, question.Label, answer == "no" ? "You answered no. That usually needs to change first." : "You're not sure yet. Worth sitting with before deciding."));
            }
        }

        foreach (var light in content.GreenLights.Where(g => answers.GreenLights.Contains(g.Id)))
        {
            points.Add(new(PointKind.GreenLight, light.Id, light.Label, "A good sign: trying again has a better footing when this is true."));
        }

        foreach (var reason in content.ReasonsFor.Where(r => answers.ReasonsFor.Contains(r.Id)))
        {
            points.Add(new(PointKind.Reason, reason.Id, reason.Label, "A reason about them and what you shared."));
        }

        var serious = points.Count(p => p.Kind == PointKind.SeriousRedFlag);
        var flags = points.Count(p => p.Kind == PointKind.RedFlag);
        var desperation = points.Count(p => p.Kind == PointKind.Desperation);
        var noAnswers = answers.Questions.Count(q => q.Value == "no");
        var reasonsFor = points.Count(p => p.Kind == PointKind.Reason);
        var greens = points.Count(p => p.Kind == PointKind.GreenLight);

        var (leaning, summary) = serious > 0
            ? (Leaning.DoNotPursue, "A serious red flag comes first. Whatever else is true, the advice is not to pursue this relationship. Letting go, with support, protects you.")
            : flags >= 2 || noAnswers >= 3 || (desperation > 0 && desperation >= reasonsFor) || greens == 0
                ? (Leaning.NotYet, "Not yet. Some of what you marked needs to change, or become clearer, before trying again would be likely to go well. Keep focusing on you and come back to this.")
                : (Leaning.OpenToTrying, "Your answers leave room to try, carefully. If you choose to pursue, check your readiness first, and be prepared for any answer.");
        return new DecisionAdvice(leaning, summary, points);
    }
}
