using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.CheckIns;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.CheckIns;

/// <summary>
/// A check-in's numbers say how the person is (mood, sleep, eating, moving, urges, contact with the ex), so they are
/// encrypted with the user's key like their words: packed into one short text ("7;15;1;0;2;6;0"), one value per
/// check-in. Reading a fortnight or a year of them decrypts one small value per day, after one key lookup per request.
/// </summary>
public static class CheckInNumbers
{
    public const string Field = "check-in.numbers";

    public static string Pack(int mood, int sleepHalfHours, bool ateProperly, bool moved, int urgeCount, int? strongestUrge, bool hadContact) =>
        string.Join(';',
            mood.ToString(CultureInfo.InvariantCulture), sleepHalfHours.ToString(CultureInfo.InvariantCulture), ateProperly ? "1" : "0", moved ? "1" : "0",
            urgeCount.ToString(CultureInfo.InvariantCulture), strongestUrge?.ToString(CultureInfo.InvariantCulture) ?? "", hadContact ? "1" : "0");

    /// <summary>Encrypts the row's numbers into <see cref="CheckInEntry.NumbersCipher"/>.</summary>
    public static async Task SealAsync(UserCipher cipher, CheckInEntry row, CancellationToken cancellationToken) =>
        row.NumbersCipher = await cipher.EncryptAsync(row.UserId, Field,
            Pack(row.Mood, row.SleepHalfHours, row.AteProperly, row.Moved, row.UrgeCount, row.StrongestUrge, row.HadContact), cancellationToken);

    /// <summary>Decrypts <see cref="CheckInEntry.NumbersCipher"/> into the row's number properties.</summary>
    public static async Task OpenAsync(UserCipher cipher, CheckInEntry row, CancellationToken cancellationToken)
    {
        var parts = await PartsAsync(cipher, row.UserId, row.NumbersCipher, cancellationToken);
        row.Mood = parts.Mood;
        row.SleepHalfHours = parts.SleepHalfHours;
        row.AteProperly = parts.AteProperly;
        row.Moved = parts.Moved;
        row.UrgeCount = parts.UrgeCount;
        row.StrongestUrge = parts.StrongestUrge;
        row.HadContact = parts.HadContact;
    }

    /// <summary>The day's numbers as the Core rules and charts take them (no word).</summary>
    public static async Task<CheckIn> ReadAsync(UserCipher cipher, Guid userId, DateOnly date, string? stored, CancellationToken cancellationToken)
    {
        var p = await PartsAsync(cipher, userId, stored, cancellationToken);
        return new CheckIn(date, p.Mood, CheckInEntry.SleepHours(p.SleepHalfHours), p.AteProperly, p.Moved, p.UrgeCount, p.StrongestUrge, p.HadContact, null);
    }

    private sealed record Parts(int Mood, int SleepHalfHours, bool AteProperly, bool Moved, int UrgeCount, int? StrongestUrge, bool HadContact);

    private static async Task<Parts> PartsAsync(UserCipher cipher, Guid userId, string? stored, CancellationToken cancellationToken)
    {
        var text = await cipher.DecryptAsync(userId, Field, stored, cancellationToken)
            ?? throw new CryptographicException("A check-in has no numbers (the start-up encryption of older rows did not run).");
        var v = text.Split(';');
        if (v.Length != 7)
        {
            throw new CryptographicException("A check-in's numbers are not in the expected form.");
        }

        return new Parts(Int(v[0]), Int(v[1]), v[2] == "1", v[3] == "1", Int(v[4]), v[5].Length == 0 ? null : Int(v[5]), v[6] == "1");
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}

/// <summary>
/// The one-time data step of schema version 11, run at start after the SQL migrations: SQL cannot encrypt with each
/// user's key, so the V11 script moves the check-in numbers that were stored in plain columns into
/// CheckInNumbersToEncrypt, and this encrypts each into its check-in and deletes the plain row, a batch per
/// transaction. With nothing left to do (every start after the first) it is one empty query.
/// </summary>
public static class CheckInNumbersEncryption
{
    public static Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        HeldPlainEncryption.RunAsync<PlainCheckInNumbers>(services, p => p.Id, p => p.UserId, async (db, cipher, plain, ct) =>
        {
            var sealedNumbers = await cipher.EncryptAsync(plain.UserId, CheckInNumbers.Field,
                CheckInNumbers.Pack(plain.Mood, plain.SleepHalfHours, plain.AteProperly, plain.Moved, plain.UrgeCount, plain.StrongestUrge, plain.HadContact), ct);
            await db.Set<CheckInEntry>().Where(c => c.Id == plain.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.NumbersCipher, sealedNumbers), ct);
        }, cancellationToken);
}
