using Rekindle.Core.Content;

namespace Rekindle.Core.Assessments;

public enum PointKind { SeriousRedFlag, RedFlag, Desperation, OpenQuestion, GreenLight, Reason }

/// <summary>One point of the explanation: what it is and why it matters. Shown in order, serious things first.</summary>
public sealed record AdvicePoint(PointKind Kind, string Id, string Label, Phrase Why);

public enum Leaning { DoNotPursue, NotYet, OpenToTrying }

public sealed record DecideAnswers(
    IReadOnlyList<string> ReasonsFor, IReadOnlyList<string> ReasonsAgainst, IReadOnlyDictionary<string, string> Questions,
    IReadOnlyList<string> RedFlags, IReadOnlyList<string> GreenLights, IReadOnlyDictionary<string, string> RealityCheck);

/// <summary>The decision's explanation, point by point. There is no score: each point says why it counts.</summary>
public sealed record DecisionAdvice(Leaning Leaning, Phrase Summary, IReadOnlyList<AdvicePoint> Points);

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
                ? new(PointKind.SeriousRedFlag, flag.Id, flag.Label, new Phrase("decide.why.serious-red-flag"))
                : new(PointKind.RedFlag, flag.Id, flag.Label, new Phrase("decide.why.red-flag")));
        }

        foreach (var reason in content.ReasonsAgainst.Where(r => answers.ReasonsAgainst.Contains(r.Id)))
        {
            points.Add(new(PointKind.Desperation, reason.Id, reason.Label, new Phrase("decide.why.desperation")));
        }

        foreach (var question in content.Questions)
        {
            var answer = answers.Questions.TryGetValue(question.Id, out var a) ? a : "unsure";
            if (answer != "yes")
            {
                points.Add(new(PointKind.OpenQuestion, question.Id, question.Label, new Phrase(answer == "no" ? "decide.why.answered-no" : "decide.why.answered-unsure")));
            }
        }

        foreach (var light in content.GreenLights.Where(g => answers.GreenLights.Contains(g.Id)))
        {
            points.Add(new(PointKind.GreenLight, light.Id, light.Label, new Phrase("decide.why.green-light")));
        }

        foreach (var reason in content.ReasonsFor.Where(r => answers.ReasonsFor.Contains(r.Id)))
        {
            points.Add(new(PointKind.Reason, reason.Id, reason.Label, new Phrase("decide.why.reason")));
        }

        var serious = points.Count(p => p.Kind == PointKind.SeriousRedFlag);
        var flags = points.Count(p => p.Kind == PointKind.RedFlag);
        var desperation = points.Count(p => p.Kind == PointKind.Desperation);
        var noAnswers = answers.Questions.Count(q => q.Value == "no");
        var reasonsFor = points.Count(p => p.Kind == PointKind.Reason);
        var greens = points.Count(p => p.Kind == PointKind.GreenLight);

        var leaning = serious > 0
            ? Leaning.DoNotPursue
            : flags >= 2 || noAnswers >= 3 || (desperation > 0 && desperation >= reasonsFor) || greens == 0
                ? Leaning.NotYet
                : Leaning.OpenToTrying;
        var summary = new Phrase(leaning switch
        {
            Leaning.DoNotPursue => "decide.leaning.do-not-pursue",
            Leaning.NotYet => "decide.leaning.not-yet",
            _ => "decide.leaning.open-to-trying",
        });
        return new DecisionAdvice(leaning, summary, points);
    }
}
