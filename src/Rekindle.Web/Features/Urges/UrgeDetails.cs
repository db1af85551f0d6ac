using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Urges;

/// <summary>
/// An urge's intensity, what the person did instead and how it ended say how they are, so they are encrypted with
/// the user's key like the trigger: packed into one short text ("7;Walk;Passed"), one value per urge.
/// </summary>
public static class UrgeDetails
{
    public const string Field = "urge-details";

    public static string Pack(int intensity, UrgeAlternative? alternative, UrgeOutcome outcome) =>
        string.Join(';', intensity.ToString(CultureInfo.InvariantCulture), alternative?.ToString() ?? "", outcome.ToString());

    /// <summary>Encrypts the urge's details into <see cref="Urge.DetailsCipher"/>.</summary>
    public static async Task SealAsync(UserCipher cipher, Urge urge, CancellationToken cancellationToken) =>
        urge.DetailsCipher = await cipher.EncryptAsync(urge.UserId, Field, Pack(urge.Intensity, urge.Alternative, urge.Outcome), cancellationToken);

    /// <summary>Decrypts <see cref="Urge.DetailsCipher"/> into the urge's properties.</summary>
    public static async Task OpenAsync(UserCipher cipher, Urge urge, CancellationToken cancellationToken) =>
        (urge.Intensity, urge.Alternative, urge.Outcome) = await ReadAsync(cipher, urge.UserId, urge.DetailsCipher, cancellationToken);

    public static async Task<(int Intensity, UrgeAlternative? Alternative, UrgeOutcome Outcome)> ReadAsync(UserCipher cipher, Guid userId, string? stored, CancellationToken cancellationToken)
    {
        var text = await cipher.DecryptAsync(userId, Field, stored, cancellationToken)
            ?? throw new CryptographicException("An urge has no details (the start-up encryption of older rows did not run).");
        var v = text.Split(';');
        if (v.Length != 3)
        {
            throw new CryptographicException("An urge's details are not in the expected form.");
        }

        return (int.Parse(v[0], NumberStyles.Integer, CultureInfo.InvariantCulture), v[1].Length == 0 ? null : Enum.Parse<UrgeAlternative>(v[1]), Enum.Parse<UrgeOutcome>(v[2]));
    }
}

/// <summary>
/// The one-time data step of schema version 12 for urges, run at start after the SQL migrations (like
/// CheckInNumbersEncryption for schema 11): the V12 script moves the intensities, alternatives and outcomes that were
/// stored in plain columns into UrgeDetailsToEncrypt, and this encrypts each into its urge and deletes the plain row,
/// a batch per transaction. With nothing left to do (every start after the first) it is one empty query.
/// </summary>
public static class UrgeDetailsEncryption
{
    public static Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        HeldPlainEncryption.RunAsync<PlainUrgeDetails>(services, p => p.Id, p => p.UserId, async (db, cipher, plain, ct) =>
        {
            var sealedDetails = await cipher.EncryptAsync(plain.UserId, UrgeDetails.Field, UrgeDetails.Pack(plain.Intensity, plain.Alternative, plain.Outcome), ct);
            await db.Set<Urge>().Where(u => u.Id == plain.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.DetailsCipher, sealedDetails), ct);
        }, cancellationToken);
}
