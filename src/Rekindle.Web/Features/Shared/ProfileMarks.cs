using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Shared;

/// <summary>
/// When the crisis reader read a message from the ex as a threat, when it last found words of crisis in something
/// the person wrote, and when the person put the low-mood card away, say how the person is and how the relationship
/// stands, so they are encrypted with the user's key: packed into one short text (three round-trip UTC times, any
/// empty), one value per profile, in <see cref="UserProfile.MarksCipher"/>. Null there means none was ever set.
/// </summary>
public static class ProfileMarks
{
    public const string Field = "profile-marks";

    private const int MaxTries = 25;

    public static string Pack(ProfileMarkValues marks) =>
        string.Join(';', Time(marks.ExThreatFoundAt), Time(marks.LastCrisisFoundAt), Time(marks.LowMoodCardDismissedAt));

    public static ProfileMarkValues Unpack(string text)
    {
        var v = text.Split(';');
        if (v.Length != 3)
        {
            throw new CryptographicException("A profile's marks are not in the expected form.");
        }

        return new ProfileMarkValues { ExThreatFoundAt = Time(v[0]), LastCrisisFoundAt = Time(v[1]), LowMoodCardDismissedAt = Time(v[2]) };
    }

    /// <summary>The marks sealed in <paramref name="stored"/> (none when it is null).</summary>
    public static async Task<ProfileMarkValues> ReadAsync(UserCipher cipher, Guid userId, string? stored, CancellationToken cancellationToken) =>
        await cipher.DecryptAsync(userId, Field, stored, cancellationToken) is { } text ? Unpack(text) : new ProfileMarkValues();

    /// <summary>The ciphertext of these marks, or null when none is set.</summary>
    public static async Task<string?> SealAsync(UserCipher cipher, Guid userId, ProfileMarkValues marks, CancellationToken cancellationToken) =>
        marks is { ExThreatFoundAt: null, LastCrisisFoundAt: null, LowMoodCardDismissedAt: null }
            ? null
            : await cipher.EncryptAsync(userId, Field, Pack(marks), cancellationToken);

    /// <summary>
    /// Changes the marks of a profile in the database without touching its version (so a form open elsewhere is not
    /// made stale): read, change, and write back only if nobody wrote them in between, else again. A threat found by
    /// one request is never lost to a crisis recorded by another at the same moment.
    /// </summary>
    public static async Task StampAsync(RekindleDbContext db, UserCipher cipher, Guid userId, Action<ProfileMarkValues> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; attempt <= MaxTries; attempt++)
        {
            var stored = await db.Profiles.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.MarksCipher).SingleAsync(cancellationToken);
            var marks = await ReadAsync(cipher, userId, stored, cancellationToken);
            change(marks);
            var next = await SealAsync(cipher, userId, marks, cancellationToken);
            if (await db.Profiles.Where(p => p.UserId == userId && p.MarksCipher == stored)
                    .ExecuteUpdateAsync(set => set.SetProperty(p => p.MarksCipher, next), cancellationToken) > 0)
            {
                return;
            }
        }

        throw new DbUpdateConcurrencyException("A profile's marks kept changing under every try.");
    }

    private static string Time(DateTime? at) => at?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? "";

    private static DateTime? Time(string text) =>
        text.Length == 0 ? null : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime();
}
