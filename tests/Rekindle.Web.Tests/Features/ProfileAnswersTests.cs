using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>
/// The situation and safety answers are stored only encrypted; a profile read straight from the database keeps them
/// sealed, so code that forgets to decrypt fails loudly instead of reading every answer as "no".
/// </summary>
public sealed class ProfileAnswersTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void Answers_pack_and_unpack_unchanged()
    {
        var values = new ProfileAnswerValues
        {
            WhoEnded = WhoEnded.Mutual, BreakupDate = new DateOnly(2026, 2, 28), MonthsTogether = 0, BreakupKind = BreakupKind.NotSure,
            SharesWork = true, SharesPets = true, SafetyThreats = true, SafetyRepeatedBetrayal = true,
        };
        Assert.Equivalent(values, ProfileAnswers.Unpack(ProfileAnswers.Pack(values)), strict: true);
        Assert.Equivalent(new ProfileAnswerValues(), ProfileAnswers.Unpack(ProfileAnswers.Pack(new ProfileAnswerValues())), strict: true);
    }

    [Fact]
    public async Task A_profile_read_from_the_database_keeps_its_answers_sealed_until_opened_and_an_unsealed_change_is_not_saved()
    {
        var email = Emails.New("sealed");
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(email);
        await browser.SaveSituationAsync(who: "Me", ties: ["SharesHome"]);
        await browser.AnswerSafetyAsync(threats: true);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RekindleDbContext>();
        var cipher = scope.ServiceProvider.GetRequiredService<UserCipher>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();

        var raw = await db.Profiles.SingleAsync(p => p.UserId == userId);
        Assert.True(raw.AnswersSealed);
        Assert.StartsWith("v1:", raw.AnswersCipher, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => raw.SafetyPivot);
        Assert.Throws<InvalidOperationException>(() => raw.SharesHome = false);

        await ProfileAnswers.OpenAsync(cipher, raw, CancellationToken.None);
        Assert.Equal((WhoEnded.Me, true, true, false), (raw.WhoEnded, raw.SharesHome, raw.SafetyThreats, raw.SafetyAbuse));

        // A change not encrypted again is refused, not silently dropped.
        raw.SafetyThreats = false;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        await ProfileAnswers.SealAsync(cipher, raw, CancellationToken.None);
        await db.SaveChangesAsync();

        using var again = app.Services.CreateScope();
        var reread = await again.ServiceProvider.GetRequiredService<RekindleDbContext>().GetOrCreateAsync(again.ServiceProvider.GetRequiredService<UserCipher>(), userId);
        Assert.Equal((WhoEnded.Me, true, false), (reread.WhoEnded, reread.SharesHome, reread.SafetyThreats));
    }
}
