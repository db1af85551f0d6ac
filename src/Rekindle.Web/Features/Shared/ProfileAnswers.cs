using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Shared;

/// <summary>
/// A profile's situation answers (who ended it, when, how, months together, shared ties) and safety answers (abuse,
/// threats, control, repeated betrayal) say how the relationship was and whether the person is safe, so they are
/// encrypted with the user's key like their words: packed into one short text ("Them;2026-10-01;26;Fight;00001;0000"),
/// one value per profile, in <see cref="UserProfile.AnswersCipher"/>. Null there means no answer was ever given.
/// </summary>
public static class ProfileAnswers
{
    public const string Field = "profile.answers";

    /// <summary>Decrypts the answers of a profile read from the database; nothing to do if they are open already.</summary>
    /// <remarks>The crisis and threat marks (<see cref="ProfileMarks"/>) are opened with them.</remarks>
    public static async Task OpenAsync(UserCipher cipher, UserProfile profile, CancellationToken cancellationToken)
    {
        if (profile.MarksSealed)
        {
            profile.OpenMarks(await ProfileMarks.ReadAsync(cipher, profile.UserId, profile.MarksCipher, cancellationToken));
        }

        if (!profile.AnswersSealed)
        {
            return;
        }

        var text = await cipher.DecryptAsync(profile.UserId, Field, profile.AnswersCipher, cancellationToken);
        profile.OpenAnswers(Unpack(text!));
    }

    /// <summary>Encrypts changed answers into <see cref="UserProfile.AnswersCipher"/>; call before saving the profile.</summary>
    public static async Task SealAsync(UserCipher cipher, UserProfile profile, CancellationToken cancellationToken)
    {
        if (profile.MarksChanged)
        {
            profile.MarksWereSealed(await ProfileMarks.SealAsync(cipher, profile.UserId, profile.MarkValues, cancellationToken));
        }

        if (!profile.AnswersChanged)
        {
            return;
        }

        profile.AnswersWereSealed((await cipher.EncryptAsync(profile.UserId, Field, Pack(profile.AnswerValues), cancellationToken))!);
    }

    public static string Pack(ProfileAnswerValues a) =>
        string.Join(';',
            a.WhoEnded?.ToString() ?? "",
            a.BreakupDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            a.MonthsTogether?.ToString(CultureInfo.InvariantCulture) ?? "",
            a.BreakupKind?.ToString() ?? "",
            Flags(a.SharesChildren, a.SharesWork, a.SharesHome, a.SharesFriends, a.SharesPets),
            Flags(a.SafetyAbuse, a.SafetyThreats, a.SafetyControlling, a.SafetyRepeatedBetrayal));

    public static ProfileAnswerValues Unpack(string text)
    {
        var v = text.Split(';');
        if (v.Length != 6 || v[4].Length != 5 || v[5].Length != 4)
        {
            throw new CryptographicException("A profile's answers are not in the expected form.");
        }

        return new ProfileAnswerValues
        {
            WhoEnded = v[0].Length == 0 ? null : Enum.Parse<WhoEnded>(v[0]),
            BreakupDate = v[1].Length == 0 ? null : DateOnly.ParseExact(v[1], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            MonthsTogether = v[2].Length == 0 ? null : int.Parse(v[2], NumberStyles.Integer, CultureInfo.InvariantCulture),
            BreakupKind = v[3].Length == 0 ? null : Enum.Parse<BreakupKind>(v[3]),
            SharesChildren = v[4][0] == '1', SharesWork = v[4][1] == '1', SharesHome = v[4][2] == '1', SharesFriends = v[4][3] == '1', SharesPets = v[4][4] == '1',
            SafetyAbuse = v[5][0] == '1', SafetyThreats = v[5][1] == '1', SafetyControlling = v[5][2] == '1', SafetyRepeatedBetrayal = v[5][3] == '1',
        };
    }

    private static string Flags(params ReadOnlySpan<bool> flags)
    {
        Span<char> chars = stackalloc char[flags.Length];
        for (var i = 0; i < flags.Length; i++)
        {
            chars[i] = flags[i] ? '1' : '0';
        }

        return new string(chars);
    }
}

/// <summary>
/// A profile's answers as they were stored in plain columns before schema version 12. The V12 script moves them here
/// and drops the columns; at start, <see cref="ProfileAnswersEncryption"/> encrypts each row into its profile and
/// deletes it, so the table is empty once the app serves requests.
/// </summary>
public sealed class PlainProfileAnswers : ProfileAnswerValues
{
    public Guid UserId { get; set; }
}

public sealed class PlainProfileAnswersConfiguration : IEntityTypeConfiguration<PlainProfileAnswers>
{
    public void Configure(EntityTypeBuilder<PlainProfileAnswers> builder)
    {
        builder.ToTable("ProfileAnswersToEncrypt");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.WhoEnded).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.BreakupKind).HasConversion<string>().HasMaxLength(16);
    }
}

/// <summary>
/// The one-time data step of schema version 12 for profiles, run at start after the SQL migrations (like
/// CheckInNumbersEncryption for schema 11): the V12 script moves the situation and safety answers that were stored in
/// plain columns into ProfileAnswersToEncrypt, and this encrypts each into its profile and deletes the plain row, a
/// batch per transaction. With nothing left to do (every start after the first) it is one empty query.
/// </summary>
public static class ProfileAnswersEncryption
{
    public static Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        HeldPlainEncryption.RunAsync<PlainProfileAnswers>(services, p => p.UserId, p => p.UserId, async (db, cipher, plain, ct) =>
        {
            var sealedAnswers = await cipher.EncryptAsync(plain.UserId, ProfileAnswers.Field, ProfileAnswers.Pack(plain), ct);
            await db.Profiles.Where(p => p.UserId == plain.UserId).ExecuteUpdateAsync(set => set.SetProperty(p => p.AnswersCipher, sealedAnswers), ct);
        }, cancellationToken);
}
