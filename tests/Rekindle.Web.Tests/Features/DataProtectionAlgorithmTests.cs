using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>Cookies, tokens and wrapped user keys are protected with AES-256-GCM keys, and keys made before still open.</summary>
public sealed class DataProtectionAlgorithmTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    // The descriptor's own record of its algorithms, as stored with the key: <encryption algorithm="AES_256_GCM" />.
    private static EncryptionAlgorithm AlgorithmOf(IKey key) =>
        Enum.Parse<EncryptionAlgorithm>(key.Descriptor.ExportToXml().SerializedDescriptorElement.Element("encryption")!.Attribute("algorithm")!.Value);

    [Fact]
    public async Task The_apps_keys_use_aes_256_gcm()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        await browser.SaveSituationAsync();

        var keys = app.Services.GetRequiredService<IKeyManager>().GetAllKeys();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Equal(EncryptionAlgorithm.AES_256_GCM, AlgorithmOf(key)));
    }

    [Fact]
    public void What_a_key_made_with_the_earlier_default_protected_still_opens_and_new_keys_use_gcm()
    {
        var folder = Directory.CreateTempSubdirectory("rekindle-dp-");
        try
        {
            IServiceProvider Provider(bool current)
            {
                var builder = new ServiceCollection().AddDataProtection().SetApplicationName("Rekindle").PersistKeysToFileSystem(folder);
                if (current)
                {
                    builder.UseRekindleAlgorithms();
                }

                return builder.Services.BuildServiceProvider();
            }

            const string secret = "a wrapped key from the earlier release";
            var before = Provider(current: false);
            var earlier = before.GetRequiredService<IDataProtectionProvider>().CreateProtector("upgrade").Protect(secret);
            Assert.Equal(EncryptionAlgorithm.AES_256_CBC, AlgorithmOf(Assert.Single(before.GetRequiredService<IKeyManager>().GetAllKeys())));

            var after = Provider(current: true);
            var protector = after.GetRequiredService<IDataProtectionProvider>().CreateProtector("upgrade");
            Assert.Equal(secret, protector.Unprotect(earlier));

            // The next key (at rotation) is made with the current algorithms and protects from then on.
            var now = DateTimeOffset.UtcNow;
            var rotated = after.GetRequiredService<IKeyManager>().CreateNewKey(now, now.AddDays(90));
            Assert.Equal(EncryptionAlgorithm.AES_256_GCM, AlgorithmOf(rotated));
            Assert.Equal(secret, protector.Unprotect(protector.Protect(secret)));
        }
        finally
        {
            // The key manager may still be writing a key file as the folder goes: one more pass removes it.
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                folder.Delete(recursive: true);
            }
        }
    }
}
