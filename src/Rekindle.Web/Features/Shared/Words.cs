using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Core.NoContact;
using Rekindle.Core.ExMessages;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Urges;

namespace Rekindle.Web.Features.Shared;

/// <summary>
/// The words for the engine's choices and outcomes, shown in the pages and the API's human-readable fields. The words
/// are in strings.yaml; the keys are literal here so the strings test can check each one is there. An enum value
/// without words is a bug, so it throws rather than showing a C# name to someone.
/// </summary>
public static class Words
{
    public static string Label(this ContactInitiator initiator, PageStrings t) => initiator switch
    {
        ContactInitiator.Me => t["initiator.me"],
        ContactInitiator.Them => t["initiator.them"],
        ContactInitiator.AccidentalRunIn => t["initiator.accidental-run-in"],
        ContactInitiator.Emergency => t["initiator.emergency"],
        ContactInitiator.Logistics => t["initiator.logistics"],
        _ => throw Unnamed(initiator),
    };

    public static string Label(this WhoEnded who, PageStrings t) => who switch
    {
        WhoEnded.Me => t["who-ended.me"],
        WhoEnded.Them => t["who-ended.them"],
        WhoEnded.Mutual => t["who-ended.mutual"],
        _ => throw Unnamed(who),
    };

    public static string Label(this BreakupKind kind, PageStrings t) => kind switch
    {
        BreakupKind.Considered => t["breakup-kind.considered"],
        BreakupKind.Fight => t["breakup-kind.fight"],
        BreakupKind.NotSure => t["breakup-kind.not-sure"],
        _ => throw Unnamed(kind),
    };

    public static (string Title, string Body) Describe(this ContactAdvice advice, PageStrings t) => advice switch
    {
        ContactAdvice.FreshStart => (t["contact-advice.fresh-start.title"], t["contact-advice.fresh-start.body"]),
        ContactAdvice.DoNotEngage => (t["contact-advice.do-not-engage.title"], t["contact-advice.do-not-engage.body"]),
        ContactAdvice.AskForSpaceOnce => (t["contact-advice.ask-for-space-once.title"], t["contact-advice.ask-for-space-once.body"]),
        ContactAdvice.HandleEmergency => (t["contact-advice.handle-emergency.title"], t["contact-advice.handle-emergency.body"]),
        ContactAdvice.KeepItPractical => (t["contact-advice.keep-it-practical.title"], t["contact-advice.keep-it-practical.body"]),
        ContactAdvice.LogisticsCounted => (t["contact-advice.logistics-counted.title"], t["contact-advice.logistics-counted.body"]),
        ContactAdvice.PoliteAndBrief => (t["contact-advice.polite-and-brief.title"], t["contact-advice.polite-and-brief.body"]),
        _ => throw Unnamed(advice),
    };

    public static (string Title, string Body, string Href, string Action) Describe(this NextStep next, PageStrings t) => next switch
    {
        NextStep.DescribeSituation => Step(t, "next.describe-situation", "/situation"),
        NextStep.AnswerSafetyScreen => Step(t, "next.answer-safety-screen", "/situation/safety"),
        NextStep.CommitToNoContact => Step(t, "next.commit-to-no-contact", "/no-contact"),
        NextStep.KeepNoContact => Step(t, "next.keep-no-contact", "/today"),
        NextStep.BeginHonestInventory => Step(t, "next.begin-honest-inventory", "/inventory"),
        NextStep.FollowHealingTrack => Step(t, "next.follow-healing-track", "/healing"),
        NextStep.MakeTheDecision => Step(t, "next.make-the-decision", "/decide"),
        NextStep.KeepFocusingOnYou => Step(t, "next.keep-focusing-on-you", "/today"),
        NextStep.CheckReadiness => Step(t, "next.check-readiness", "/readiness"),
        NextStep.KeepReconnecting => Step(t, "next.keep-reconnecting", "/stages"),
        NextStep.HaveTheTalk => Step(t, "next.have-the-talk", "/stages"),
        NextStep.RebuildTogether => Step(t, "next.rebuild-together", "/stages"),
        NextStep.AcceptTheEnding => Step(t, "next.accept-the-ending", "/healing"),
        NextStep.AcceptTheSilence => Step(t, "next.accept-the-silence", "/healing"),
        _ => throw Unnamed(next),
    };

    public static string Label(this UrgeAlternative alternative, PageStrings t) => alternative switch
    {
        UrgeAlternative.Breathe => t["urge-alternative.breathe"],
        UrgeAlternative.Walk => t["urge-alternative.walk"],
        UrgeAlternative.CallAFriend => t["urge-alternative.call-a-friend"],
        UrgeAlternative.Write => t["urge-alternative.write"],
        UrgeAlternative.Music => t["urge-alternative.music"],
        UrgeAlternative.Shower => t["urge-alternative.shower"],
        UrgeAlternative.Sleep => t["urge-alternative.sleep"],
        UrgeAlternative.Other => t["urge-alternative.other"],
        _ => throw Unnamed(alternative),
    };

    public static (string Title, string Body) Describe(this Substance substance, PageStrings t) => substance switch
    {
        Substance.Substantive => (t["substance.substantive.title"], t["substance.substantive.body"]),
        Substance.Mixed => (t["substance.mixed.title"], t["substance.mixed.body"]),
        Substance.Breadcrumbs => (t["substance.breadcrumbs.title"], t["substance.breadcrumbs.body"]),
        _ => throw Unnamed(substance),
    };

    public static (string Title, string Body) Describe(this ExMessageAdvice advice, PageStrings t) => advice switch
    {
        ExMessageAdvice.HandleOnTopic => (t["ex-advice.handle-on-topic.title"], t["ex-advice.handle-on-topic.body"]),
        ExMessageAdvice.LetItWait => (t["ex-advice.let-it-wait.title"], t["ex-advice.let-it-wait.body"]),
        ExMessageAdvice.ProtectYourself => (t["ex-advice.protect-yourself.title"], t["ex-advice.protect-yourself.body"]),
        ExMessageAdvice.ReplyCalmly => (t["ex-advice.reply-calmly.title"], t["ex-advice.reply-calmly.body"]),
        ExMessageAdvice.NoReplyNeeded => (t["ex-advice.no-reply-needed.title"], t["ex-advice.no-reply-needed.body"]),
        _ => throw Unnamed(advice),
    };

    /// <summary>A control pattern the healing track names in a message: its name and a short, kind explanation.</summary>
    public static (string Name, string Why) Describe(this ControlPattern pattern, PageStrings t) => pattern switch
    {
        ControlPattern.GuiltTripping => (t["ex-control.guilt-tripping.name"], t["ex-control.guilt-tripping.why"]),
        ControlPattern.Threats => (t["ex-control.threats.name"], t["ex-control.threats.why"]),
        ControlPattern.LoveBombing => (t["ex-control.love-bombing.name"], t["ex-control.love-bombing.why"]),
        ControlPattern.PromisesToChange => (t["ex-control.promises.name"], t["ex-control.promises.why"]),
        ControlPattern.Monitoring => (t["ex-control.monitoring.name"], t["ex-control.monitoring.why"]),
        ControlPattern.Hoovering => (t["ex-control.hoovering.name"], t["ex-control.hoovering.why"]),
        ControlPattern.BlameShifting => (t["ex-control.blame-shifting.name"], t["ex-control.blame-shifting.why"]),
        _ => throw Unnamed(pattern),
    };

    public static (string Title, string Body) Describe(this HealingReply reply, PageStrings t) => reply switch
    {
        HealingReply.NoReply => (t["ex-control.reply.none.title"], t["ex-control.reply.none.body"]),
        HealingReply.LogisticsOnly => (t["ex-control.reply.logistics.title"], t["ex-control.reply.logistics.body"]),
        _ => throw Unnamed(reply),
    };

    public static string DescribePoint(string key, PageStrings t) => key switch
    {
        "acknowledges" => t["ex-point.acknowledges"],
        "no-acknowledgement" => t["ex-point.no-acknowledgement"],
        "evidence-of-change" => t["ex-point.evidence-of-change"],
        "no-evidence" => t["ex-point.no-evidence"],
        "clear-intention" => t["ex-point.clear-intention"],
        "no-intention" => t["ex-point.no-intention"],
        "late-night" => t["ex-point.late-night"],
        "daytime" => t["ex-point.daytime"],
        "vague" => t["ex-point.vague"],
        "specific" => t["ex-point.specific"],
        "sporadic" => t["ex-point.sporadic"],
        "consistent" => t["ex-point.consistent"],
        _ => throw Unnamed(key),
    };

    private static (string Title, string Body, string Href, string Action) Step(PageStrings t, string key, string href) =>
        (t[key + ".title"], t[key + ".body"], href, t[key + ".action"]);

    private static ArgumentOutOfRangeException Unnamed(object value) => new(nameof(value), value, "There are no words for this value in strings.yaml.");
}
