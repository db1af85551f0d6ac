using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// Slows down password guessing and account spam per client address. Every account endpoint (register, sign in,
/// the security page's password, email and PIN forms, the PIN unlock, deleting the account, on the pages and the
/// API) shares one budget per client.
/// </summary>
public static class RateLimits
{
    public const string Account = "account";

    /// <summary>
    /// The key a client's requests are counted under. One machine or network can reach the app by several
    /// addresses, and each must not buy a fresh limit: every loopback address is one key, an IPv4-mapped IPv6
    /// address counts as its IPv4 address, and an IPv6 address counts by its /64 prefix (the block one
    /// home or server is given, within which a client can pick addresses freely).
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return "loopback";
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static IServiceCollection AddRekindleRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Rekindle:AccountRequestsPerMinute", 20);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(Account, context =>
            {
                // Only form posts count: looking at the sign-in page is free.
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var client = ClientKey(context.Connection.RemoteIpAddress);
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
