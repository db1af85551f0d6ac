using Microsoft.EntityFrameworkCore;
using System.Text.Json.Serialization;
using Rekindle.Core.Safety;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Help;
using Rekindle.Web.Features.Shared;

namespace Rekindle.Web.Features.Safety;

/// <summary>One help line or number, ready for a tel: or sms: link.</summary>
public sealed record SafetyContact(string Name, string Kind, string Type, string Value, string? Keyword, string Href);

/// <summary>
/// What the crisis reader found in a text a person saved or had read, as every page and API response carries it:
/// <c>"safety": {"level", "kind", "sentence", "start", "length", "message", "contacts"}</c>. Level "none" carries nothing else.
/// </summary>
public sealed record SafetyView(string Level, string? Kind, string? Sentence, int Start, int Length, string? Message, IReadOnlyList<SafetyContact> Contacts)
{
    public static SafetyView None { get; } = new("none", null, null, 0, 0, null, []);

    [JsonIgnore]
    public bool IsCrisis => Level == "crisis";

    [JsonIgnore]
    public bool IsConcern => Level == "concern";

    [JsonIgnore]
    public bool ShowsHelp => Level != "none";
}

/// <summary>
/// The safety check every feature calls where it does its work (saving a journal entry, reading a message from the
/// ex, coaching a draft): the one <see cref="CrisisReader"/>, the words that answer each kind of danger, and the
/// user's country's lines. It never blocks or changes what was written; it only adds help.
/// </summary>
public sealed class SafetyNet(CrisisReader reader, CrisisDirectory directory, RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, TimeProvider clock)
{
    /// <summary>Reads one text, or several (a form's fields) as one: the most serious finding wins (one embedding call for all of them).</summary>
    public CrisisReading Read(Voice voice, params string?[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return reader.ReadAll(texts, voice);
    }

    /// <summary>The help to show for a reading, with the lines of the user's country.</summary>
    public async Task<SafetyView> ViewAsync(Guid userId, CrisisReading reading, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Level == CrisisLevel.None)
        {
            return SafetyView.None;
        }

        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        return View(reading, directory.For(profile.CountryCode));
    }

    /// <summary>
    /// Reads the texts and answers the help to show: the usual one call for a handler that saved or read something.
    /// A crisis is remembered by date only (never the words), for the dashboard's follow-up card and, when the ex
    /// threatens the user, to close reconciliation coaching.
    /// </summary>
    public async Task<SafetyView> CheckAsync(Guid userId, Voice voice, CancellationToken cancellationToken, params string?[] texts)
    {
        var reading = Read(voice, texts);
        if (reading.Level == CrisisLevel.None)
        {
            return SafetyView.None;
        }

        // One profile read serves both the record and the country's lines.
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        await StampAsync(userId, reading, cancellationToken);
        return View(reading, directory.For(profile.CountryCode));
    }

    /// <summary>
    /// Remembers when a crisis was found (the time, never the words): the dashboard's follow-up card reads it, and a
    /// threat from the ex closes reconciliation coaching (the reconciliation policy reads it). Written straight to the
    /// row, so a form the user has open elsewhere is not made stale by it.
    /// </summary>
    public async Task RecordAsync(Guid userId, CrisisReading reading, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (!reading.IsCrisis)
        {
            return;
        }

        await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        await StampAsync(userId, reading, cancellationToken);
    }

    private async Task StampAsync(Guid userId, CrisisReading reading, CancellationToken cancellationToken)
    {
        if (!reading.IsCrisis)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var threatened = reading.Kind == CrisisKind.Threatened;
        await Shared.ProfileMarks.StampAsync(db, cipher, userId, marks =>
        {
            marks.LastCrisisFoundAt = now;
            if (threatened)
            {
                marks.ExThreatFoundAt ??= now;
            }
        }, cancellationToken);
    }

    public static SafetyView View(CrisisReading reading, CrisisCountry country)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(country);
        if (reading.Level == CrisisLevel.None)
        {
            return SafetyView.None;
        }

        // Which lines come first depends on who is in danger.
        var kinds = reading.Kind switch
        {
            CrisisKind.Threatened => new[] { "emergency", "abuse", "crisis" },
            CrisisKind.ExSelfHarm => ["emergency", "crisis"],
            CrisisKind.HarmToOthers => ["crisis", "emergency"],
            _ when reading.IsConcern => ["crisis"],
            _ => ["crisis", "emergency"],
        };
        var contacts = kinds
            .SelectMany(kind => country.Resources.Where(r => r.Kind == kind).SelectMany(r => r.Contacts.Select(c => new SafetyContact(r.Name, r.Kind, c.Type, c.Value, c.Keyword, c.Href))))
            .ToList();
        if (contacts.Count == 0)
        {
            contacts = country.Resources.SelectMany(r => r.Contacts.Select(c => new SafetyContact(r.Name, r.Kind, c.Type, c.Value, c.Keyword, c.Href))).ToList();
        }

        return new SafetyView(reading.Level.Id(), reading.Kind?.Id(), reading.Sentence, reading.Start, reading.Length, SafetyWords.For(reading), contacts);
    }
}

/// <summary>What Rekindle says when it finds danger: calm, direct, never shaming, never a lecture.</summary>
public static class SafetyWords
{
    public static string For(CrisisReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.IsConcern)
        {
            return "That sounds really heavy, and it makes sense that it does. You don't have to hold it on your own: if it gets darker, "
                + "someone is there to talk to at any hour, and your safety plan is one tap away.";
        }

        return reading.Kind switch
        {
            CrisisKind.HarmToOthers =>
                "What you wrote sounds like you might hurt or frighten someone. Please put the phone down and step away before you send or do anything. "
                + "Anger this big is a sign you need support right now, not that you are a bad person: talk to someone tonight. "
                + "If you feel you might act on it, call the emergency number.",
            CrisisKind.Threatened =>
                "Your safety comes first. If you are in danger now, call the emergency number. Keep the message and anything like it "
                + "(don't reply, don't delete): it is evidence. A domestic-abuse line can help you make a plan. A threat is never a sign they want "
                + "to reconnect, so Rekindle has turned reconciliation coaching off and moved you to the healing track.",
            CrisisKind.ExSelfHarm =>
                "Take it seriously. If they may be in danger right now, call the emergency services where they are, or tell someone close to them "
                + "(family, a friend, a flatmate). You are not responsible for keeping them alive by getting back together, and going back is not "
                + "the answer. Breaking no contact to get them help is fine. Look after yourself too: a crisis line will talk it through with you.",
            _ =>
                "What you wrote sounds like you may be thinking about ending your life or hurting yourself. Thank you for putting it into words. "
                + "Please reach out now to someone trained for exactly this; it is free and you can call or text. If you are in danger right now, "
                + "call the emergency number. What you wrote is saved.",
        };
    }
}
