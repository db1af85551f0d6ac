using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Time;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Help;
using Rekindle.Web.Features.Shared;

namespace Rekindle.Web.Features.Situation;

/// <summary>The facts of the breakup. Used by the Situation page and PUT /api/v1/situation.</summary>
public sealed class SituationInput
{
    public WhoEnded? WhoEnded { get; set; }
    public DateOnly? BreakupDate { get; set; }
    public int? MonthsTogether { get; set; }
    public BreakupKind? BreakupKind { get; set; }
    public bool SharesChildren { get; set; }
    public bool SharesWork { get; set; }
    public bool SharesHome { get; set; }
    public bool SharesFriends { get; set; }
    public bool SharesPets { get; set; }
    public string? TimeZoneId { get; set; }
    public string? CountryCode { get; set; }

    /// <summary>The version the form was loaded at; a newer stored version means the form is stale.</summary>
    public int? Version { get; set; }
}

/// <summary>The safety screen: each question answered yes or no, explicitly.</summary>
public sealed class SafetyInput
{
    public bool? Abuse { get; set; }
    public bool? Threats { get; set; }
    public bool? Controlling { get; set; }
    public bool? RepeatedBetrayal { get; set; }
    public int? Version { get; set; }

    /// <summary>
    /// Needed to change every yes to no while on the healing track: the answers are saved, and reconciliation
    /// stays closed for a waiting week and until a short reflection is written.
    /// </summary>
    public bool ConfirmLeavingTrack { get; set; }
}

public sealed record SituationView(
    WhoEnded? WhoEnded,
    DateOnly? BreakupDate,
    int? MonthsTogether,
    BreakupKind? BreakupKind,
    bool SharesChildren,
    bool SharesWork,
    bool SharesHome,
    bool SharesFriends,
    bool SharesPets,
    string TimeZoneId,
    string CountryCode,
    bool LimitedContact,
    bool SituationDone,
    bool? Abuse,
    bool? Threats,
    bool? Controlling,
    bool? RepeatedBetrayal,
    bool SafetyScreenDone,
    bool SafetyPivot,
    int Version)
{
    public SituationInput ToInput() => new()
    {
        WhoEnded = WhoEnded,
        BreakupDate = BreakupDate,
        MonthsTogether = MonthsTogether,
        BreakupKind = BreakupKind,
        SharesChildren = SharesChildren,
        SharesWork = SharesWork,
        SharesHome = SharesHome,
        SharesFriends = SharesFriends,
        SharesPets = SharesPets,
        TimeZoneId = TimeZoneId,
        CountryCode = CountryCode,
        Version = Version,
    };

    public SafetyInput ToSafetyInput() => new()
    {
        Abuse = Abuse,
        Threats = Threats,
        Controlling = Controlling,
        RepeatedBetrayal = RepeatedBetrayal,
        Version = Version,
    };
}

public sealed class SituationHandler(RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, TimeProvider clock, CrisisDirectory crisis, Journeys.ReconciliationGate gate, Rekindle.Core.Content.PageStrings strings)
{
    public const int MaxMonthsTogether = 1200;

    public async Task<SituationView> GetAsync(Guid userId, CancellationToken cancellationToken = default) =>
        ToView(await db.GetOrCreateAsync(cipher, userId, cancellationToken));

    public async Task<Outcome<SituationView>> SaveAsync(Guid userId, SituationInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var errors = bindingErrors ?? new FieldErrors();

        var zoneOk = LocalCalendar.TryFindZone(input.TimeZoneId, out var zone);
        if (!zoneOk)
        {
            errors.Add(nameof(input.TimeZoneId), "Choose your time zone from the list, so your days are counted where you live.");
            zone = profile.Zone();
        }

        var today = LocalCalendar.Today(clock, zone);
        if (input.WhoEnded is null)
        {
            errors.Add(nameof(input.WhoEnded), "Say who ended it: you, them, or both of you.");
        }

        if (input.BreakupDate is not { } breakup)
        {
            errors.Add(nameof(input.BreakupDate), "Enter the date it ended. An estimate is fine.");
        }
        else if (breakup > today)
        {
            errors.Add(nameof(input.BreakupDate), $"That date is in the future. Enter the day it ended, today ({today:d MMM yyyy}) or earlier.");
        }
        else if (breakup < today.AddYears(-100))
        {
            errors.Add(nameof(input.BreakupDate), "That date is more than a hundred years ago. Check the year.");
        }

        if (input.MonthsTogether is < 0 or > MaxMonthsTogether)
        {
            errors.Add(nameof(input.MonthsTogether), $"Enter a number of months from 0 to {MaxMonthsTogether}, or leave it empty.");
        }

        if (input.BreakupKind is null)
        {
            errors.Add(nameof(input.BreakupKind), "Say whether it was a considered decision, a fight, or you're not sure.");
        }

        if (!crisis.IsKnown(input.CountryCode))
        {
            errors.Add(nameof(input.CountryCode), "Choose a country from the list (or \"Anywhere else\"), so Help shows the right numbers.");
        }

        if (input.Version is { } version && version != profile.Version)
        {
            errors.Add(string.Empty, Messages.StaleForm);
        }

        if (errors.Any)
        {
            return Outcome<SituationView>.Invalid(errors);
        }

        profile.WhoEnded = input.WhoEnded;
        profile.BreakupDate = input.BreakupDate;
        profile.MonthsTogether = input.MonthsTogether;
        profile.BreakupKind = input.BreakupKind;
        profile.SharesChildren = input.SharesChildren;
        profile.SharesWork = input.SharesWork;
        profile.SharesHome = input.SharesHome;
        profile.SharesFriends = input.SharesFriends;
        profile.SharesPets = input.SharesPets;
        profile.TimeZoneId = zone.Id;
        profile.CountryCode = input.CountryCode!.ToUpperInvariant();
        profile.SituationCompletedAt ??= clock.GetUtcNow().UtcDateTime;
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await SaveAsync(profile, input.Version, cancellationToken);
    }

    public async Task<Outcome<SituationView>> SaveSafetyAsync(Guid userId, SafetyInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var errors = bindingErrors ?? new FieldErrors();
        const string answer = "Please answer yes or no. Your answer stays private.";
        if (input.Abuse is null) errors.Add(nameof(input.Abuse), answer);
        if (input.Threats is null) errors.Add(nameof(input.Threats), answer);
        if (input.Controlling is null) errors.Add(nameof(input.Controlling), answer);
        if (input.RepeatedBetrayal is null) errors.Add(nameof(input.RepeatedBetrayal), answer);
        if (input.Version is { } version && version != profile.Version)
        {
            errors.Add(string.Empty, Messages.StaleForm);
        }

        // Undoing every yes is a deliberate step off the healing track: asked for, explained, then a waiting week.
        var leaving = !errors.Any && profile.SafetyCompletedAt is not null && profile.SafetyPivot
            && input is { Abuse: false, Threats: false, Controlling: false, RepeatedBetrayal: false }
            && await gate.OnTrackAsync(userId, cancellationToken);
        if (leaving && !input.ConfirmLeavingTrack)
        {
            errors.Add(nameof(input.ConfirmLeavingTrack), strings["track.confirm-explain"]);
        }

        if (errors.Any)
        {
            return Outcome<SituationView>.Invalid(errors);
        }

        profile.SafetyAbuse = input.Abuse!.Value;
        profile.SafetyThreats = input.Threats!.Value;
        profile.SafetyControlling = input.Controlling!.Value;
        profile.SafetyRepeatedBetrayal = input.RepeatedBetrayal!.Value;
        profile.SafetyCompletedAt = clock.GetUtcNow().UtcDateTime;
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var saved = await SaveAsync(profile, input.Version, cancellationToken);
        if (saved.Value is not null)
        {
            if (leaving)
            {
                await gate.StartLeavingAsync(userId, cancellationToken);
            }
            else
            {
                // A yes puts the user on the healing track now, with its date in the history.
                await gate.DecideAsync(userId, cancellationToken);
            }
        }

        return saved;
    }

    private async Task<Outcome<SituationView>> SaveAsync(UserProfile profile, int? formVersion, CancellationToken cancellationToken)
    {
        if (formVersion is { } version)
        {
            db.Entry(profile).Property(p => p.Version).OriginalValue = version;
        }

        await ProfileAnswers.SealAsync(cipher, profile, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<SituationView>.Ok(ToView(profile));
        }
        catch (DbUpdateConcurrencyException)
        {
            var errors = new FieldErrors();
            errors.Add(string.Empty, Messages.StaleForm);
            return Outcome<SituationView>.Invalid(errors);
        }
    }

    private static SituationView ToView(UserProfile p)
    {
        var safetyDone = p.SafetyCompletedAt is not null;
        return new SituationView(
            p.WhoEnded, p.BreakupDate, p.MonthsTogether, p.BreakupKind,
            p.SharesChildren, p.SharesWork, p.SharesHome, p.SharesFriends, p.SharesPets,
            p.TimeZoneId, p.CountryCode, p.LimitedContact, p.SituationCompletedAt is not null,
            safetyDone ? p.SafetyAbuse : null,
            safetyDone ? p.SafetyThreats : null,
            safetyDone ? p.SafetyControlling : null,
            safetyDone ? p.SafetyRepeatedBetrayal : null,
            safetyDone, p.SafetyPivot, p.Version);
    }
}
