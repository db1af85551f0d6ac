using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// Failed sign-ins for addresses that have no account, counted like an account's own failures, so that signing
/// in answers the same for both: the same "don't match", then the same lockout (423, the lockout page) after the
/// same number of tries, for the same time. Kept in memory only, under a hash of the normalized address, and
/// bounded: the oldest entries go first when there are too many.
/// It also counts, per account, how often changing the email was refused because another account uses the address
/// (<see cref="IsProbingLimited"/>, <see cref="CountProbe"/>): past the same limit every new address is refused for
/// the same time, taken or not, so an account can't be used to test addresses one after another.
/// </summary>
public sealed class UnknownAddressAttempts(IOptions<IdentityOptions> identity, ILookupNormalizer normalizer, TimeProvider clock)
{
    public const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Whether sign-in for this address is locked out now.</summary>
    public bool IsLockedOut(string email) =>
        entries.TryGetValue(Key(email), out var entry) && entry.LockedUntil(clock.GetUtcNow()) is not null;

    /// <summary>Whether this account has been told "another account uses that email" too often lately.</summary>
    public bool IsProbingLimited(Guid userId) => IsLockedOut(ProbeKey(userId));

    /// <summary>Counts one "another account uses that email" for this account; true when that reaches the limit.</summary>
    public bool CountProbe(Guid userId) => Fail(ProbeKey(userId));

    // Not an email address (no @), so it never meets one's count.
    private static string ProbeKey(Guid userId) => "change-email probes of " + userId.ToString("N");

    /// <summary>Counts a failure; true when this failure (or an earlier one) locks the address out.</summary>
    public bool Fail(string email)
    {
        var now = clock.GetUtcNow();
        if (entries.Count >= MaxTracked)
        {
            Prune(now);
        }

        var entry = entries.GetOrAdd(Key(email), _ => new Entry());
        return entry.Fail(now, identity.Value.Lockout.MaxFailedAccessAttempts, identity.Value.Lockout.DefaultLockoutTimeSpan);
    }

    private void Prune(DateTimeOffset now)
    {
        var span = identity.Value.Lockout.DefaultLockoutTimeSpan;
        foreach (var (key, entry) in entries)
        {
            if (entry.Stale(now, span))
            {
                entries.TryRemove(key, out _);
            }
        }

        if (entries.Count >= MaxTracked)
        {
            entries.Clear();
        }
    }

    private string Key(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizer.NormalizeEmail(email.Trim()) ?? string.Empty)));

    private sealed class Entry
    {
        private readonly Lock gate = new();
        private int failures;
        private DateTimeOffset? lockedUntil;
        private DateTimeOffset lastFailure;

        public DateTimeOffset? LockedUntil(DateTimeOffset now)
        {
            lock (gate)
            {
                return lockedUntil > now ? lockedUntil : null;
            }
        }

        public bool Fail(DateTimeOffset now, int limit, TimeSpan lockout)
        {
            lock (gate)
            {
                if (lockedUntil > now)
                {
                    return true;
                }

                if (lockedUntil is not null)
                {
                    // The lockout has run out: count afresh, as an account does.
                    lockedUntil = null;
                    failures = 0;
                }

                lastFailure = now;
                if (++failures < limit)
                {
                    return false;
                }

                lockedUntil = now + lockout;
                return true;
            }
        }

        public bool Stale(DateTimeOffset now, TimeSpan span)
        {
            lock (gate)
            {
                return lockedUntil is { } until ? until <= now : now - lastFailure > span;
            }
        }
    }
}
