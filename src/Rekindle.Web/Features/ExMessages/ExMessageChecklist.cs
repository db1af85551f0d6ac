using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.ExMessages;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.ExMessages;

/// <summary>
/// The checklist of a message from the ex (does it own what went wrong, show change, say what they want, was it late
/// at night...) and what was judged of it say how the relationship stands, so they are encrypted with the user's key
/// like the text: packed into one short text ("1-0----;Low;Wait": 1 yes, 0 no, - not answered), one value per message.
/// </summary>
public static class ExMessageChecklist
{
    public const string Field = "ex-message-checklist";

    public static string Pack(bool?[] answers, Substance substance, ExMessageAdvice advice) =>
        string.Join(';', new string(answers.Select(a => a switch { true => '1', false => '0', null => '-' }).ToArray()), substance.ToString(), advice.ToString());

    private static bool?[] Answers(ExMessage m) =>
        [m.AcknowledgesWhatWentWrong, m.ShowsEvidenceOfChange, m.StatesClearIntention, m.IsEmergencyOrLogistics, m.LateAtNight, m.Vague, m.Sporadic];

    /// <summary>Encrypts the message's checklist into <see cref="ExMessage.ChecklistCipher"/>.</summary>
    public static async Task SealAsync(UserCipher cipher, ExMessage m, CancellationToken cancellationToken) =>
        m.ChecklistCipher = await cipher.EncryptAsync(m.UserId, Field, Pack(Answers(m), m.Substance, m.Advice), cancellationToken);

    /// <summary>Decrypts <see cref="ExMessage.ChecklistCipher"/> into the message's properties.</summary>
    public static async Task OpenAsync(UserCipher cipher, ExMessage m, CancellationToken cancellationToken)
    {
        var text = await cipher.DecryptAsync(m.UserId, Field, m.ChecklistCipher, cancellationToken)
            ?? throw new CryptographicException("A message has no checklist (the start-up encryption of older rows did not run).");
        var v = text.Split(';');
        if (v.Length != 3 || v[0].Length != 7)
        {
            throw new CryptographicException("A message's checklist is not in the expected form.");
        }

        var a = v[0].Select(c => c switch { '1' => true, '0' => false, _ => (bool?)null }).ToArray();
        (m.AcknowledgesWhatWentWrong, m.ShowsEvidenceOfChange, m.StatesClearIntention, m.IsEmergencyOrLogistics, m.LateAtNight, m.Vague, m.Sporadic) = (a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
        m.Substance = Enum.Parse<Substance>(v[1]);
        m.Advice = Enum.Parse<ExMessageAdvice>(v[2]);
    }
}

/// <summary>
/// The one-time data step of schema version 12 for messages from the ex, run at start after the SQL migrations (like
/// CheckInNumbersEncryption for schema 11): the V12 script moves the checklists that were stored in plain columns into
/// ExMessageChecklistsToEncrypt, and this encrypts each into its message and deletes the plain row, a batch per
/// transaction. With nothing left to do (every start after the first) it is one empty query.
/// </summary>
public static class ExMessageChecklistEncryption
{
    public static Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        HeldPlainEncryption.RunAsync<PlainExMessageChecklist>(services, p => p.Id, p => p.UserId, async (db, cipher, p, ct) =>
        {
            bool?[] answers = [p.AcknowledgesWhatWentWrong, p.ShowsEvidenceOfChange, p.StatesClearIntention, p.IsEmergencyOrLogistics, p.LateAtNight, p.Vague, p.Sporadic];
            var sealedChecklist = await cipher.EncryptAsync(p.UserId, ExMessageChecklist.Field, ExMessageChecklist.Pack(answers, p.Substance, p.Advice), ct);
            await db.Set<ExMessage>().Where(m => m.Id == p.Id).ExecuteUpdateAsync(set => set.SetProperty(m => m.ChecklistCipher, sealedChecklist), ct);
        }, cancellationToken);
}
