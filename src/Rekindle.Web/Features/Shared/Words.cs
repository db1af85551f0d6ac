using Rekindle.Core.Journey;
using Rekindle.Core.NoContact;
using Rekindle.Core.ExMessages;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Urges;

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
        NextStep.KeepNoContact => ("Keep going", "You're in no contact and your target isn't reached yet. One day at a time; today's plan has one small thing for you.", "/today", "See today's plan"),
        NextStep.BeginHonestInventory => ("Time for an honest inventory", "You reached your no-contact target. Before any decision comes an honest look at why it ended.", "/inventory", "Start the inventory"),
        NextStep.FollowHealingTrack => ("Your healing comes first", "Because of what you shared in the safety questions, the program focuses on your recovery, not on getting back together.", "/healing", "See your healing plan"),
        NextStep.MakeTheDecision => ("Make your decision", "Your inventory is done. Next: reasons for and against, red flags and green lights, and your own answer.", "/decide", "Think it through"),
        NextStep.KeepFocusingOnYou => ("Keep focusing on you", "You decided not now. That's a real decision: keep building your days, and come back to it when you're ready.", "/today", "See today's plan"),
        NextStep.CheckReadiness => ("Check your readiness", "You chose to pursue. Before the first message, see where you stand on each readiness item.", "/readiness", "Check readiness"),
        NextStep.KeepReconnecting => ("Keep it light and slow", "You're reconnecting. Follow the stages at their pace, not yours.", "/stages", "Open the stage tracker"),
        NextStep.HaveTheTalk => ("The talk", "You've reached the honest conversation. Prepare for it, and for any answer.", "/stages", "Open the stage tracker"),
        NextStep.RebuildTogether => ("Rebuild, slowly", "They said yes. Go slowly, set new habits early, and check in with each other regularly.", "/stages", "See the rebuild check-in"),
        NextStep.AcceptTheEnding => ("An ending, with self-respect", "Letting go is an ending, not a failure. Here's a plan for moving forward.", "/healing", "Open your plan"),
        _ => (next.ToString(), string.Empty, "/dashboard", "Continue"),
    };

    public static string Label(this UrgeAlternative alternative) => alternative switch
    {
        UrgeAlternative.Breathe => "Keep breathing slowly for a few more minutes",
        UrgeAlternative.Walk => "Go for a walk, even around the block",
        UrgeAlternative.CallAFriend => "Call or message a friend instead",
        UrgeAlternative.Write => "Keep writing, here",
        UrgeAlternative.Music => "Put on music that isn't about them",
        UrgeAlternative.Shower => "Take a shower or wash your face",
        UrgeAlternative.Sleep => "Put the phone in another room and sleep",
        UrgeAlternative.Other => "Something else that helps me",
        _ => alternative.ToString(),
    };

    public static (string Title, string Body) Describe(this Substance substance) => substance switch
    {
        Substance.Substantive => ("There is substance here", "They name what went wrong, show work of their own, and say what they want. That's more than a passing thought."),
        Substance.Mixed => ("Some substance, some haze", "There's something real in it, and something missing. Words are a start; what they do over the next weeks will tell you more."),
        Substance.Breadcrumbs => ("This looks like a breadcrumb", "Vague, sporadic or late-night messages often come from loneliness, boredom or nostalgia rather than a real change of heart. It isn't a promise of anything."),
        _ => (substance.ToString(), string.Empty),
    };

    public static (string Title, string Body) Describe(this ExMessageAdvice advice) => advice switch
    {
        ExMessageAdvice.HandleOnTopic => ("Handle what's needed, and only that", "If it's a real emergency or a practical matter, answer briefly and calmly, stay on the topic, and leave the relationship out of it."),
        ExMessageAdvice.LetItWait => ("It can wait", "You're still in the part of the program that's for your own healing and clear thinking. Unless it's an emergency, you don't need to reply now. If they keep writing, one short message asking for space is enough."),
        ExMessageAdvice.ProtectYourself => ("Your safety comes first", "You don't owe a reply. If the message frightens or pressures you, keep a copy, tell someone you trust, and see the Help page for people who can support you."),
        ExMessageAdvice.ReplyCalmly => ("A calm reply can fit", "If you've decided you'd like to try again, a short, unhurried reply is fine. Keep it light, don't rush into big talks, and let actions show you more than words."),
        ExMessageAdvice.NoReplyNeeded => ("You don't have to answer", "A message without substance doesn't need a reply. If they mean it, it will show in what they do, consistently, over time."),
        _ => (advice.ToString(), string.Empty),
    };

    public static string DescribePoint(string key) => key switch
    {
        "acknowledges" => "They acknowledge what went wrong.",
        "no-acknowledgement" => "They don't acknowledge what went wrong.",
        "evidence-of-change" => "There's evidence of work on their side.",
        "no-evidence" => "There's no sign of change on their side yet.",
        "clear-intention" => "They say clearly what they want.",
        "no-intention" => "It isn't clear what they want.",
        "late-night" => "It came late at night, when loneliness speaks loudest.",
        "daytime" => "It came at a considered hour, not late at night.",
        "vague" => "It's vague: easy to send, easy to take back.",
        "specific" => "It's specific rather than vague.",
        "sporadic" => "Their contact comes and goes without a pattern.",
        "consistent" => "Their contact has been steady, not sporadic.",
        _ => key,
    };
}
