using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Infrastructure.Privacy;

/// <summary>
/// The Data Protection key ring lives in the database, so it must not be readable from the database alone:
/// each key's XML is encrypted with AES-256-GCM under a key file kept outside the database
/// (Rekindle:KeyRingKeyFile, default "keyring.key" in the data folder, created on first start with 0600
/// permissions). Several instances share the key ring by sharing this file.
/// </summary>
public sealed class KeyFileXmlEncryptor(byte[] key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var ciphertext = new byte[plaintext.Length];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with Rekindle's key-ring key file (AES-256-GCM). "),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(KeyFileXmlDecryptor));
    }
}

public sealed class KeyFileXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var key = services.GetRequiredService<KeyRingKey>().Bytes;
        var nonce = Convert.FromBase64String(encryptedElement.Element("nonce")!.Value);
        var tag = Convert.FromBase64String(encryptedElement.Element("tag")!.Value);
        var ciphertext = Convert.FromBase64String(encryptedElement.Element("value")!.Value);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
        }

        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
    }
}

/// <summary>The 256-bit key that protects the key ring, read from (or created in) the key file.</summary>
public sealed class KeyRingKey
{
    public KeyRingKey(IOptions<RekindleOptions> options, IConfiguration configuration)
    {
        var path = configuration["Rekindle:KeyRingKeyFile"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(options.Value.ResolveDataDirectory(), "keyring.key");
        Path_ = path;
        Bytes = LoadOrCreate(path);
    }

    public string Path_ { get; }

    public byte[] Bytes { get; }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            // A key file from before (or copied in by hand) is made owner-only too.
            OwnerOnlyFiles.Restrict(path);
            var existing = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return existing.Length == 32
                ? existing
                : throw new InvalidOperationException($"The key-ring key file {path} does not hold a 256-bit key.");
        }

        OwnerOnlyFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = OwnerOnlyFiles.FileMode;
        }

        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, fileOptions);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance created it first: use theirs.
            return LoadOrCreate(path);
        }

        return key;
    }
}
