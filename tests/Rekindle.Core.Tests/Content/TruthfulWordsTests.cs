using Rekindle.Core.Coach;
using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Core.NoContact;

namespace Rekindle.Core.Tests.Content;

/// <summary>
/// The words say only what the code keeps: no target "reached" before it is, no sign that recasts pressure or
/// hostility as interest, no coach line that promises an outcome, and no "changes the advice" without a rule behind it.
/// </summary>
public sealed class TruthfulWordsTests
{
    private static readonly ProgramContent Content = ContentLoader.Load(ShippedContent.Files().Select(f => new ContentFile(f.Key, f.Value)));

    private static readonly DateOnly Today = new(2026, 11, 2);

    [Fact]
    public void A_step_the_program_can_recommend_on_day_zero_does_not_say_the_target_was_reached()
    {
        // A decision made before the target leads to the inventory while the count is still at day 0.
        var streak = Streak.Summarize(Today, [], Today, 30);
        var facts = new JourneyFacts(true, true, false, true, streak, Decision: Decision.NotNow);
        var step = JourneyGuide.Recommend(facts).Next;
        Assert.Equal(NextStep.BeginHonestInventory, step);
        var key = "next.begin-honest-inventory";
        Assert.DoesNotContain("reached", Content.Strings[key + ".body"], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("reached", Content.Strings[key + ".title"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Readiness_labels_name_the_item_and_leave_the_claim_to_its_live_status()
    {
        // The label shows whatever the status; only the status detail ("You reached it.") may say reached.
        foreach (var item in Content.Readiness.Where(r => r.Id is "target" or "pursue" or "inventory" or "steady"))
        {
            Assert.DoesNotContain("reached", item.Label, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("finished", item.Label, StringComparison.OrdinalIgnoreCase);
            Assert.False(item.Label.StartsWith("You ", StringComparison.Ordinal), $"\"{item.Label}\" claims something the status may deny.");
        }
    }

    [Theory]
    [InlineData("angry")]
    [InlineData("anger,")]
    [InlineData("keep finding")]
    [InlineData("keep reaching")]
    [InlineData("reasons to be in touch")]
    [InlineData("strong feelings")]
    public void No_sign_recasts_persistence_or_hostility_as_interest(string words)
    {
        foreach (var sign in Content.Signs)
        {
            Assert.False(sign.Label.Contains(words, StringComparison.OrdinalIgnoreCase) && !sign.Label.Contains("without", StringComparison.OrdinalIgnoreCase),
                $"Sign \"{sign.Id}\" reads persistence or hostility as interest: {sign.Label}");
        }

        Assert.DoesNotContain(Content.Signs, s => s.Id is "reasons-to-talk" or "strong-feelings");
        // The page says plainly what is not a sign.
        var note = Content.Strings["signs.not-signs"];
        Assert.Contains("not interest", note, StringComparison.Ordinal);
        Assert.Contains("Anger", note, StringComparison.Ordinal);
    }

    [Fact]
    public void No_coach_explanation_promises_an_outcome_or_to_make_the_user_more_attractive()
    {
        string[] promises = ["attractive", "win them back", "make them miss you", "make them want", "they will come back", "guarantee"];
        foreach (var category in Enum.GetValues<FindingCategory>())
        {
            foreach (var stage in Enum.GetValues<CoachStage>())
            {
                var text = CoachWords.Explain(category, stage);
                foreach (var promise in promises)
                {
                    Assert.False(text.Contains(promise, StringComparison.OrdinalIgnoreCase), $"{category} at {stage} says \"{promise}\": {text}");
                }
            }
        }
    }

    /// <summary>
    /// A claim that an answer changes the advice must have a rule behind it. The only such claim kept is the
    /// serious red flag, which DecisionAdvisor turns into "do not pursue" whatever else is true.
    /// </summary>
    [Fact]
    public void Every_changes_the_advice_claim_has_a_rule_behind_it()
    {
        string[] claims = ["changes the advice", "change the advice", "changes the plan", "fits your situation", "fit your situation", "program fits", "fits what actually happened"];
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "decide.why.serious-red-flag", "program/phases.yaml" };
        var offending = new List<string>();
        foreach (var (key, text) in Content.Strings.Values)
        {
            if (claims.Any(c => text.Contains(c, StringComparison.OrdinalIgnoreCase)) && !allowed.Contains(key))
            {
                offending.Add($"{key}: {text}");
            }
        }

        foreach (var (path, text) in ShippedContent.Files().Where(f => f.Key != ContentLoader.StringsFile))
        {
            foreach (var line in text.Split('\n'))
            {
                var claim = claims.FirstOrDefault(c => line.Contains(c, StringComparison.OrdinalIgnoreCase));
                if (claim is not null && !(path == "program/phases.yaml" && line.Contains("serious red flag", StringComparison.OrdinalIgnoreCase)))
                {
                    offending.Add($"{path}: {line.Trim()}");
                }
            }
        }

        Assert.True(offending.Count == 0, "Claims without a rule behind them:\n" + string.Join("\n", offending));

        // The rule behind the allowed claim: one serious red flag makes the leaning "do not pursue".
        var serious = Content.Decide.RedFlags.First(f => f.Flag);
        var advice = Rekindle.Core.Assessments.DecisionAdvisor.Explain(
            new Rekindle.Core.Assessments.DecideAnswers(["love"], [], new Dictionary<string, string>(), [serious.Id], ["both-grew"], new Dictionary<string, string>()), Content.Decide);
        Assert.Equal(Rekindle.Core.Assessments.Leaning.DoNotPursue, advice.Leaning);
    }
}
