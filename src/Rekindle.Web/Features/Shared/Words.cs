using Rekindle.Core.Journey;
using Rekindle.Core.NoContact;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Shared;

/// <summary>Short labels for enums shown in the pages and the API's human-readable fields.</summary>
public static class Words
{
    public static string Title(this Phase phase) => phase switch
    {
        Phase.Situation => "Your situation",
        Phase.Stabilize => "Stop the chasing",
        Phase.NoContact => "No contact",
        Phase.Focus => "Focus on you",
        Phase.Reflect => "Honest inventory",
        Phase.Decide => "Should you?",
        Phase.ReachOut => "First message",
        Phase.Reconnect => "Reconnecting",
        Phase.Talk => "The talk",
        Phase.Rebuild => "Together, differently",
        Phase.Accept => "Accepting the outcome",
        Phase.Heal => "Healing track",
        _ => phase.ToString(),
    };

    public static string Label(this ContactInitiator initiator) => initiator switch
    {
        ContactInitiator.Me => "I reached out",
        ContactInitiator.Them => "They reached out",
        ContactInitiator.AccidentalRunIn => "Accidental run-in",
        ContactInitiator.Emergency => "Emergency",
        ContactInitiator.Logistics => "Logistics (children, work, home)",
        _ => initiator.ToString(),
    };

    public static string Label(this WhoEnded who) => who switch
    {
        WhoEnded.Me => "I did",
        WhoEnded.Them => "They did",
        WhoEnded.Mutual => "We both did",
        _ => who.ToString(),
    };

    public static string Label(this BreakupKind kind) => kind switch
    {
        BreakupKind.Considered => "A considered decision",
        BreakupKind.Fight => "It happened in a fight",
        BreakupKind.NotSure => "I'm not sure",
        _ => kind.ToString(),
    };

    public static (string Title, string Body) Describe(this ContactAdvice advice) => advice switch
    {
        ContactAdvice.FreshStart => (
            "Your count starts again today",
            "That's all it means. It isn't a failure, and the days you already did still count: they're in your history. Notice what led up to it, then begin again."),
        ContactAdvice.DoNotEngage => (
            "Let it rest",
            "Unless it's an emergency, you don't need to reply. Your no contact is for your healing, and it still stands: their message didn't break it."),
        ContactAdvice.AskForSpaceOnce => (
            "They keep reaching out",
            "If it goes on, one short, calm message is enough, such as \"I need some space right now to focus on myself.\" Send it once, then don't discuss it further."),
        ContactAdvice.HandleEmergency => (
            "Handle what's urgent",
            "Emergencies come first. Deal with the matter at hand, keep to the topic, and step back once it's handled. Your count carries on."),
        ContactAdvice.KeepItPractical => (
            "Logistics don't reset your count",
            "With shared ties, contact about practical things is expected. Keep it calm, brief and neutral, and leave the relationship out of it."),
        ContactAdvice.LogisticsCounted => (
            "Your count starts again today",
            "Without a shared tie such as children, work or a home, practical contact still counts as reaching out. If you do share one, add it on your Situation page."),
        ContactAdvice.PoliteAndBrief => (
            "A run-in happens",
            "A truly accidental meeting doesn't reset anything. Be polite, keep it short, and move on with your day."),
        _ => (advice.ToString(), string.Empty),
    };

    public static (string Title, string Body, string Href, string Action) Describe(this NextStep next) => next switch
    {
        NextStep.DescribeSituation => ("Tell us what happened", "A few facts about the breakup let the program fit your situation.", "/situation", "Describe your situation"),
        NextStep.AnswerSafetyScreen => ("Four questions about safety", "They decide whether coaching toward getting back together is right for you at all.", "/situation/safety", "Answer the safety questions"),
        NextStep.CommitToNoContact => ("Commit to no contact", "Choose how many days, from 21 to 45. The time is for you to heal and see clearly.", "/no-contact", "Start no contact"),
        NextStep.KeepNoContact => ("Keep going", "One day at a time. If the urge to reach out comes, come here first.", "/no-contact", "See your count"),
        NextStep.BeginHonestInventory => ("You reached your target", "Now comes an honest look at why it ended, before any decision.", "/no-contact", "See your count"),
        NextStep.FollowHealingTrack => ("Your healing comes first", "Because of what you shared in the safety questions, the program focuses on your recovery, not on getting back together.", "/help", "See support and resources"),
        _ => (next.ToString(), string.Empty, "/dashboard", "Continue"),
    };
}
