using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;

namespace Rekindle.Web.Infrastructure.Privacy;

/// <summary>
/// Encrypts what a user writes with their own AES-256-GCM key. The key is stored wrapped by ASP.NET Core
/// Data Protection (whose key ring is itself encrypted under a key file outside the database). Deleting the
/// user's key row makes their text in the database unreadable (a backup taken earlier still holds the key).
/// Each value is bound to its user and field (associated data), so ciphertext moved to another row or user
/// fails to decrypt instead of showing the wrong text.
/// </summary>
public sealed class UserCipher(RekindleDbContext db, IDataProtectionProvider protection)
{
    private const string Version = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly IDataProtector wrapper = protection.CreateProtector("Rekindle.UserKeys.v1");
    private readonly Dictionary<Guid, byte[]> keys = [];

    public async Task<string?> EncryptAsync(Guid userId, string field, string? plaintext, CancellationToken cancellationToken = default)
    {
        if (plaintext is null)
        {
            return null;
        }

        var key = await KeyAsync(userId, create: true, cancellationToken);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + data.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key!, TagSize))
        {
            aes.Encrypt(nonce, data, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length), AssociatedData(userId, field));
        }

        return Version + Convert.ToBase64String(output);
    }

    public async Task<string?> DecryptAsync(Guid userId, string field, string? stored, CancellationToken cancellationToken = default)
    {
        if (stored is null)
        {
            return null;
        }

        if (!stored.StartsWith(Version, StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown ciphertext version.");
        }

        var key = await KeyAsync(userId, create: false, cancellationToken)
            ?? throw new CryptographicException("This user's key is gone; the text can no longer be read.");
        var input = Convert.FromBase64String(stored[Version.Length..]);
        var length = input.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, length), input.AsSpan(NonceSize + length), plaintext, AssociatedData(userId, field));
        }

        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>
    /// Takes the user's wrapped key read along with other rows (the dashboard reads it in the same round trip as the
    /// check-ins it decrypts), so decrypting needs no query of its own.
    /// </summary>
    public void RememberWrappedKey(Guid userId, string wrappedKey)
    {
        if (!keys.ContainsKey(userId))
        {
            keys[userId] = wrapper.Unprotect(Convert.FromBase64String(wrappedKey));
        }
    }

    /// <summary>Creates the user's key; called when the account is created, so it exists before any text.</summary>
    public Task EnsureKeyAsync(Guid userId, CancellationToken cancellationToken = default) => KeyAsync(userId, create: true, cancellationToken);

    private async Task<byte[]?> KeyAsync(Guid userId, bool create, CancellationToken cancellationToken)
    {
        if (keys.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        var wrapped = await db.UserKeys.AsNoTracking().Where(k => k.UserId == userId).Select(k => k.WrappedKey).SingleOrDefaultAsync(cancellationToken);
        byte[] key;
        if (wrapped is not null)
        {
            key = wrapper.Unprotect(Convert.FromBase64String(wrapped));
        }
        else if (create)
        {
            key = RandomNumberGenerator.GetBytes(32);
            db.UserKeys.Add(new UserKey { UserId = userId, WrappedKey = Convert.ToBase64String(wrapper.Protect(key)), CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            return null;
        }

        keys[userId] = key;
        return key;
    }

    private static byte[] AssociatedData(Guid userId, string field) => Encoding.UTF8.GetBytes($"{userId:N}/{field}");
}
