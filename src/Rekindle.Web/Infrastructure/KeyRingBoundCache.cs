using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// A bounded cache of what decrypting a cookie produced, emptied when this instance's Data Protection key ring
/// changes (a key added or revoked here), so a revocation takes effect as it would without the cache. Keys are the
/// SHA-256 of the secret they stand for, so the cache holds no cookie.
/// </summary>
/// <remarks>
/// Right after a revocation, Data Protection may still decrypt with the key ring it had while it reloads; so when a
/// change revokes a key, nothing is stored for a minute. A key added (the first one, or the one that replaces it
/// every 90 days) revokes nothing and only empties the cache.
/// </remarks>
public sealed class KeyRingBoundCache : IDisposable
{
    private const long SettleMilliseconds = 60_000;

    private readonly IKeyManager keys;
    private readonly TimeSpan sliding;
    private readonly TimeSpan absolute;
    private readonly MemoryCache entries;
    private readonly IDisposable watch;
    private HashSet<Guid> revoked;
    private long storeFrom;

    public KeyRingBoundCache(IKeyManager keys, int capacity, TimeSpan sliding, TimeSpan absolute)
    {
        this.keys = keys;
        this.sliding = sliding;
        this.absolute = absolute;
        entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity });
        revoked = Revoked();
        watch = ChangeToken.OnChange(() => new CancellationChangeToken(keys.GetCacheExpirationToken()), OnKeyRingChanged);
    }

    public static string KeyFor(string secret) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool TryGet<T>(string key, out T? value) where T : class =>
        entries.TryGetValue(key, out value) && value is not null;

    public void Set<T>(string key, T value) where T : class
    {
        if (Environment.TickCount64 < Volatile.Read(ref storeFrom))
        {
            return;
        }

        entries.Set(key, value, new MemoryCacheEntryOptions
        {
            Size = 1,
            SlidingExpiration = sliding,
            AbsoluteExpirationRelativeToNow = absolute,
            ExpirationTokens = { new CancellationChangeToken(keys.GetCacheExpirationToken()) },
        });
    }

    public void Remove(string key) => entries.Remove(key);

    private HashSet<Guid> Revoked() => keys.GetAllKeys().Where(k => k.IsRevoked).Select(k => k.KeyId).ToHashSet();

    /// <summary>
    /// Runs on the thread that changed the ring, once per change, as the entries are dropped. Stops storing first,
    /// while the ring is read, and starts again at once if the change revoked nothing.
    /// </summary>
    private void OnKeyRingChanged()
    {
        Volatile.Write(ref storeFrom, Environment.TickCount64 + SettleMilliseconds);
        var now = Revoked();
        if (now.IsSubsetOf(revoked))
        {
            Volatile.Write(ref storeFrom, 0);
        }

        revoked = now;
    }

    public void Dispose()
    {
        watch.Dispose();
        entries.Dispose();
    }
}
