using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Content;
using Rekindle.Core.NoContact;
using Rekindle.Web.Data;
using Rekindle.Web.Features.NoContact;
using Rekindle.Web.Features.Shared;

namespace Rekindle.Web.Features.CheckIns;

/// <summary>What a check-in that says "there was contact" offers: to log it, or that it is already in the log.</summary>
/// <param name="Offer">The check-in says there was contact and nothing is logged that day: offer the one tap.</param>
/// <param name="Logged">The contact already in the no-contact log for that day, if any.</param>
public sealed record CheckInContactState(bool Offer, ContactView? Logged);

/// <summary>The one-tap result: the day's contact, and whether this tap logged it (false: it was already there).</summary>
public sealed record CheckInContactLogged(ContactView Contact, bool Created, ContactAdvice? Advice, StreakSummary? Streak);

/// <summary>
/// Joins the check-in and the no-contact log, so the two counts agree: a check-in that says there was contact offers
/// to log it in one tap, and a day that already has a contact in the log is never logged twice. The log (not the
/// check-in) is what the count reads; this only carries the user's answer across, with who started it.
/// </summary>
public sealed class CheckInContact(RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, CheckInHandler checkIns, NoContactHandler noContact, TimeProvider clock, PageStrings strings)
{
    public async Task<CheckInContactState> StateAsync(Guid userId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var checkIn = await checkIns.FindAsync(userId, day, cancellationToken);
        var logged = await LoggedOnAsync(userId, day, cancellationToken);
        return new CheckInContactState(checkIn?.HadContact == true && logged is null, logged);
    }

    /// <summary>Logs the day's contact from its check-in. Not found when the day has no check-in saying there was contact.</summary>
    public async Task<Outcome<CheckInContactLogged>> LogAsync(Guid userId, DateOnly day, ContactInitiator? initiator, CancellationToken cancellationToken = default)
    {
        if (await checkIns.FindAsync(userId, day, cancellationToken) is not { HadContact: true })
        {
            return Outcome<CheckInContactLogged>.NotFound();
        }

        if (await LoggedOnAsync(userId, day, cancellationToken) is { } existing)
        {
            return Outcome<CheckInContactLogged>.Ok(new CheckInContactLogged(existing, false, null, await StreakAsync(userId, cancellationToken)));
        }

        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var nowLocal = Rekindle.Core.Time.LocalTime.FromUtc(clock.GetUtcNow().UtcDateTime, profile.Zone());
        // The check-in knows the day, not the hour: today's contact is logged at the time of the tap, an earlier day's at noon.
        var at = day == DateOnly.FromDateTime(nowLocal) ? new DateTime(nowLocal.Year, nowLocal.Month, nowLocal.Day, nowLocal.Hour, nowLocal.Minute, 0, DateTimeKind.Unspecified)
            : day.ToDateTime(new TimeOnly(12, 0));
        var outcome = await noContact.LogContactAsync(userId, new ContactInput
        {
            Initiator = initiator,
            OccurredAt = at,
            Note = strings.Format("check-in-contact.note", ("date", day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture))),
        }, cancellationToken: cancellationToken);
        return outcome.Value is { } logged
            ? Outcome<CheckInContactLogged>.Ok(new CheckInContactLogged(logged.Contact, true, logged.Advice, logged.Streak))
            : Outcome<CheckInContactLogged>.Invalid(outcome.Errors);
    }

    private async Task<ContactView?> LoggedOnAsync(Guid userId, DateOnly day, CancellationToken cancellationToken)
    {
        var id = await db.Contacts.AsNoTracking().Where(c => c.UserId == userId && c.LocalDate == day)
            .OrderBy(c => c.OccurredAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } found ? await noContact.FindContactAsync(userId, found, cancellationToken) : null;
    }

    private async Task<StreakSummary?> StreakAsync(Guid userId, CancellationToken cancellationToken) =>
        await noContact.GetStreakAsync(await db.GetOrCreateAsync(cipher, userId, cancellationToken), cancellationToken);
}
