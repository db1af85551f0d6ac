using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;

namespace Rekindle.Web.Infrastructure.Privacy;

/// <summary>
/// The algorithms of the keys that protect cookies, antiforgery tokens and the wrapped per-user keys: AES-256-GCM,
/// one authenticated pass, instead of the default AES-256-CBC followed by an HMAC, which costs about twice as much per
/// cookie or token here (see ADR 8). A key keeps the algorithms it was made with, so keys from before this setting
/// still open what they protected; new keys (at the next rotation, or on a fresh install) use GCM.
/// </summary>
public static class DataProtectionAlgorithms
{
    public static IDataProtectionBuilder UseRekindleAlgorithms(this IDataProtectionBuilder builder) =>
        builder.UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
        {
            EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
        });
}
