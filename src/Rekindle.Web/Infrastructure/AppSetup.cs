using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Api;
using Rekindle.Web.Features.Dashboard;
using Rekindle.Web.Features.ExMessages;
using Rekindle.Web.Features.Letters;
using Rekindle.Web.Features.Urges;
using Rekindle.Web.Features.Help;
using Rekindle.Web.Features.Coach;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Features.NoContact;
using Rekindle.Web.Features.Progress;
using Rekindle.Web.Features.Security;
using Microsoft.AspNetCore.Authentication;
using Rekindle.Web.Features.Settings;
using Rekindle.Web.Features.Situation;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Infrastructure;

public static class AppSetup
{
    /// <summary>
    /// Cookies are __Host- prefixed and Secure wherever the app can be reached over HTTPS. Only an app that
    /// listens on plain HTTP on loopback alone (the local default) uses unprefixed names, since browsers
    /// and the antiforgery system refuse Secure cookies on a plain HTTP request.
    /// </summary>
    public static bool UsesSecureCookies(IConfiguration configuration, string urls)
    {
        if (configuration.GetValue<bool?>("Rekindle:SecureCookies") is { } configured)
        {
            return configured;
        }

        if (configuration.GetValue("Rekindle:BehindProxy", false))
        {
            return true;
        }

        return !urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(IsLoopbackHttp);
    }

    private static bool IsLoopbackHttp(string url) =>
        Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttp
        && (uri.IsLoopback || uri.Host == "localhost");

    public static string AuthCookieName(bool secure) => secure ? "__Host-rekindle" : "rekindle";

    public static string AntiforgeryCookieName(bool secure) => secure ? "__Host-rekindle-af" : "rekindle-af";

    public static string TempDataCookieName(bool secure) => secure ? "__Host-rekindle-td" : "rekindle-td";

    public static WebApplicationBuilder AddRekindle(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var options = configuration.GetSection(RekindleOptions.Section).Get<RekindleOptions>() ?? new RekindleOptions();
        services.Configure<RekindleOptions>(configuration.GetSection(RekindleOptions.Section));

        var urls = configuration["urls"];
        if (string.IsNullOrWhiteSpace(urls))
        {
            urls = $"http://localhost:{options.Port}";
            builder.WebHost.UseUrls(urls);
        }

        builder.AddRequestLimits();
        // Which Host headers are answered (Rekindle:AllowedHosts, else ASP.NET's AllowedHosts, else any).
        // Redirects never use the Host header, so "any" is safe; naming the site's own host turns away
        // requests for other names (DNS rebinding, a scanner's guesses) with 400.
        if (configuration["Rekindle:AllowedHosts"] is { Length: > 0 } allowedHosts)
        {
            services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(hosts =>
                hosts.AllowedHosts = allowedHosts.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        // Request lines carry query strings (a letter search is private text), redirects carry them, and handler
        // arguments are what people typed: none of it reaches the log at any level (LogPrivacy).
        builder.Logging.KeepPersonalTextOut();
        var secureCookies = UsesSecureCookies(configuration, urls);
        if (configuration.GetValue("Rekindle:BehindProxy", false))
        {
            services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(forwarded => ConfigureProxy(forwarded, configuration["Rekindle:KnownProxies"]));
        }

        var cookiePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        var provider = Database.ProviderFrom(configuration);
        var connectionString = Database.ConnectionString(configuration, provider, options);
        var databaseSettings = new DatabaseSettings(provider, connectionString);
        services.AddSingleton(databaseSettings);
        services.AddRekindleScheduling(databaseSettings, configuration);
        // Pooled: a signed-in request otherwise spent a fifth of its session check building the context's internal services.
        services.AddDbContextPool<RekindleDbContext>(db => Database.Configure(db, provider, connectionString));

        services.AddIdentity<AppUser, IdentityRole<Guid>>(identity =>
            {
                identity.Password.RequiredLength = CommonPasswordValidator.MinimumLength;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 1;
                identity.User.RequireUniqueEmail = true;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<RekindleDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = AuthCookieName(secureCookies);
            cookie.Cookie.SecurePolicy = cookiePolicy;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/login";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);

            // The security stamp first (sign out everywhere, password changes), then the server-side session.
            cookie.Events.OnValidatePrincipal = async context =>
            {
                if (SecurityStampCheckDue(context))
                {
                    await SecurityStampValidator.ValidatePrincipalAsync(context);
                }

                if (context.Principal is not null
                    && !await context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().ValidateAsync(context))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });

        // Registered after the cookie handler's own post-configuration, which creates the ticket format this wraps.
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>, RememberSignInTickets>();

        // Identity's other cookies (external sign-in, two-factor) are only ever deleted here, but follow the same rules.
        foreach (var (scheme, suffix) in new[] { (IdentityConstants.ExternalScheme, "ext"), (IdentityConstants.TwoFactorUserIdScheme, "2fa"), (IdentityConstants.TwoFactorRememberMeScheme, "2fa-remember") })
        {
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, cookie =>
            {
                cookie.Cookie.Name = $"{AuthCookieName(secureCookies)}-{suffix}";
                cookie.Cookie.SecurePolicy = cookiePolicy;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
            });
        }

        services.AddStaticFileCompression();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = AntiforgeryCookieName(secureCookies);
            antiforgery.Cookie.SecurePolicy = cookiePolicy;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.FormFieldName = "__rvt";
        });
        services.ReuseFormTokens(); // the same form token on every signed-in page: see ReusingAntiforgery

        // TempData (one-off messages after a redirect) lives in a cookie too: the same rules as the others.
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(tempData =>
        {
            tempData.Cookie.Name = TempDataCookieName(secureCookies);
            tempData.Cookie.SecurePolicy = cookiePolicy;
            tempData.Cookie.HttpOnly = true;
            tempData.Cookie.SameSite = SameSiteMode.Strict;
            tempData.Cookie.IsEssential = true;
        });

        services.AddDataProtection()
            .SetApplicationName("Rekindle")
            .PersistKeysToDbContext<RekindleDbContext>()
            .UseRekindleAlgorithms();
        services.AddSingleton<KeyRingKey>();
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<KeyRingKey>((keyManagement, key) => keyManagement.XmlEncryptor = new KeyFileXmlEncryptor(key.Bytes));
        services.AddScoped<UserCipher>();

        services.Configure<RouteOptions>(route => route.LowercaseUrls = true);
        services.AddRazorPages(pages =>
            {
                pages.RootDirectory = "/Features";
                pages.Conventions.AuthorizeFolder("/");
                pages.Conventions.AllowAnonymousToPage("/Index");
                pages.Conventions.AllowAnonymousToPage("/Error");
                pages.Conventions.AllowAnonymousToFolder("/Help");
                pages.Conventions.AllowAnonymousToPage("/Account/Login");
                pages.Conventions.AllowAnonymousToPage("/Account/Register");
                pages.Conventions.AllowAnonymousToPage("/Account/Lockout");
                pages.Conventions.AllowAnonymousToPage("/Account/Deleted");
            })
            .AddMvcOptions(mvc =>
            {
                mvc.Filters.Add<FriendlyAntiforgeryFailureFilter>();
                mvc.Filters.Add<InvalidBooleanFilter>();
            });

        services.AddProblemDetails();
        services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Rekindle API";
            document.Info.Description = "The same features as the pages, for other clients. Sign in with /api/v1/auth/login; the session cookie authenticates every other call.";
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower));
            json.SerializerOptions.MaxDepth = RequestLimits.MaxJsonDepth;
            // ASP.NET's default leaves < > & unescaped; escaping them keeps what people wrote inert even if a
            // response is ever read as HTML.
            json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default;
            // A null list is a 400 naming the field, not a null for a handler to trip over.
            json.SerializerOptions.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.WithAddedModifier(
                json.SerializerOptions.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(), NullCollection.Refuse);
        });
        // A body or parameter the API can't read throws, so ApiBadRequests can answer naming the field.
        services.Configure<RouteHandlerOptions>(route => route.ThrowOnBadRequest = true);
        services.AddRekindleRateLimits(configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton(_ => CrisisDirectory.Load(Path.Combine(ContentPaths.Root(configuration), "crisis", "helplines.yaml")));
        services.AddSafetyNet(configuration);
        services.AddScoped<AccountHandler>();
        services.AddSingleton<UnknownAddressAttempts>();
        services.AddScoped<SituationHandler>();
        services.AddScoped<NoContactHandler>();
        services.AddScoped<DashboardHandler>();
        services.AddScoped<LettersHandler>();
        services.AddScoped<UrgeHandler>();
        services.AddScoped<ExMessageHandler>();
        services.AddScoped<DataTransferHandler>();
        services.AddScoped<IExportSection, ProfileSection>();
        services.AddScoped<IExportSection, ContactsSection>();
        services.AddScoped<IExportSection, UrgesSection>();
        services.AddScoped<IExportSection, LettersSection>();
        services.AddScoped<IExportSection, ExMessagesSection>();
        services.AddCheckInsAndJournal(configuration);
        services.AddMessageCoach(configuration);
        services.AddSingleton(_ => Rekindle.Web.Content.ContentFiles.Load(configuration));
        services.AddSingleton(sp => sp.GetRequiredService<Rekindle.Core.Content.ProgramContent>().Strings);
        services.AddScoped<Rekindle.Web.Features.Journeys.ReconciliationGate>();
        services.AddScoped<IExportSection, Rekindle.Web.Features.Journeys.HealingTrackSection>();
        services.AddScoped<Rekindle.Web.Features.Journeys.JourneyReader>();
        services.AddScoped<Rekindle.Web.Features.Journeys.JourneyHandler>();
        services.AddScoped<Rekindle.Web.Features.Journeys.TodayHandler>();
        services.AddScoped<Rekindle.Web.Features.Journeys.AssessmentHandler>();
        services.AddScoped<Rekindle.Web.Features.Journeys.StageHandler>();
        services.AddScoped<IExportSection, Rekindle.Web.Features.Journeys.ProgramSection>();
        services.AddScoped<Rekindle.Web.Features.SafetyPlan.SafetyPlanHandler>();
        services.AddScoped<IExportSection, Rekindle.Web.Features.SafetyPlan.SafetyPlanSection>();
        services.AddScoped<Rekindle.Web.Features.Incidents.IncidentHandler>();
        services.AddScoped<IExportSection, Rekindle.Web.Features.Incidents.IncidentsSection>();
        services.AddScoped<Rekindle.Web.Features.TalkPrep.TalkPrepHandler>();
        services.AddScoped<IExportSection, Rekindle.Web.Features.TalkPrep.TalkPrepSection>();
        services.AddScoped<Rekindle.Web.Features.TriggerDates.TriggerDateHandler>();
        services.AddScoped<IExportSection, Rekindle.Web.Features.TriggerDates.TriggerDatesSection>();

        services.Configure<SecurityStampValidatorOptions>(stamp =>
        {
            // Ending sessions is immediate through their rows (SessionTracker); the stamp is a second line that
            // needn't cost a user lookup and a new cookie on every request.
            stamp.ValidationInterval = TimeSpan.FromMinutes(5);
            // A refreshed cookie keeps its session.
            stamp.OnRefreshingPrincipal = refreshing =>
            {
                if (refreshing.CurrentPrincipal?.FindFirst(SessionTracker.SessionClaim) is { } session)
                {
                    refreshing.NewPrincipal?.Identities.First().AddClaim(new Claim(SessionTracker.SessionClaim, session.Value));
                }

                return Task.CompletedTask;
            };
        });
        services.AddOptions<SessionLimits>().Bind(configuration.GetSection(SessionLimits.Section));
        services.AddScoped<SessionTracker>();
        services.AddScoped<SessionValidator>();
        services.AddScoped<PinLock>();
        services.AddScoped<PasswordAttempts>();
        services.AddScoped<CredentialsHandler>();
        return builder;
    }

    public static void MigrateDatabase(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Rekindle.Migrations");
        Database.Migrate(settings.Provider, settings.ConnectionString, message => logger.LogDebug("{Message}", message));
        // Schema 11's one-time data step: check-in numbers stored in plain columns before it are encrypted now.
        var encrypted = Rekindle.Web.Features.CheckIns.CheckInNumbersEncryption.RunAsync(app.Services).GetAwaiter().GetResult();
        if (encrypted > 0)
        {
            logger.LogInformation("Encrypted the numbers of {Count} check-ins stored before schema version 11", encrypted);
        }
        // Schema 12's: the profile's situation and safety answers, the urges' details and the ex-message checklists, likewise.
        var profiles = Rekindle.Web.Features.Shared.ProfileAnswersEncryption.RunAsync(app.Services).GetAwaiter().GetResult();
        var urges = Rekindle.Web.Features.Urges.UrgeDetailsEncryption.RunAsync(app.Services).GetAwaiter().GetResult();
        var messages = Rekindle.Web.Features.ExMessages.ExMessageChecklistEncryption.RunAsync(app.Services).GetAwaiter().GetResult();
        if (profiles + urges + messages > 0)
        {
            logger.LogInformation("Encrypted the answers of {Profiles} profiles, the details of {Urges} urges and the checklists of {Messages} messages stored before schema version 12",
                profiles, urges, messages);
        }
        // Schema 17's: the reframes' thinking patterns, the decisions, the talks' outcomes and the crisis and threat times.
        var values = Rekindle.Web.Features.Shared.PlainValuesEncryption.RunAsync(app.Services).GetAwaiter().GetResult();
        if (values > 0)
        {
            logger.LogInformation("Encrypted {Count} patterns, decisions, outcomes and crisis marks stored before schema version 17", values);
        }

        // Fail fast on a bad content or crisis file, before the first request.
        _ = app.Services.GetRequiredService<CrisisDirectory>();
        _ = app.Services.GetRequiredService<Rekindle.Core.Safety.CrisisReader>();
        _ = app.Services.GetRequiredService<Rekindle.Core.Content.ProgramContent>();
    }

    /// <summary>
    /// Behind a TLS-terminating proxy the client's address and scheme come from X-Forwarded-For/-Proto, trusted
    /// only from the proxy itself (loopback, or the addresses in Rekindle:KnownProxies). Without this, every
    /// client would share the proxy's address: one person's guessing would rate-limit everyone, and HSTS
    /// would never be sent.
    /// </summary>
    private static void ConfigureProxy(Microsoft.AspNetCore.Builder.ForwardedHeadersOptions forwarded, string? knownProxies)
    {
        forwarded.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        forwarded.ForwardLimit = 1;
        foreach (var address in (knownProxies ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(address));
        }
    }

    public static WebApplication UseRekindle(this WebApplication app)
    {
        if (app.Configuration.GetValue("Rekindle:BehindProxy", false))
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                // A body too large or malformed is the client's mistake: 413 or 400 with a plain page, not a 500.
                StatusCodeSelector = RequestLimits.StatusFor,
            });
        }

        // Pages get a friendly page for 4xx; API clients get a problem document (RFC 9457), not HTML.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error", "?code={0}"));
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseMiddleware<RequestLog>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCachedStaticFiles();
        app.UseRouting();
        // Another site's request is refused before anything reads it; the API takes JSON bodies only.
        app.UseMiddleware<RequestOriginGuard>();
        app.UseMiddleware<RequestSizeGuard>();
        app.UseMiddleware<ApiBadRequests>();
        app.UseAuthentication();
        app.UseMiddleware<LockMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<RefusedAccessLog>();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapRazorPages();
        app.MapRekindleApi();
        return app;
    }

    /// <summary>The signed-in user's id. Pages and endpoints that call this require a signed-in user.</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user."));

    /// <summary>
    /// Identity's stamp validator looks at the user only once its cookie is older than the validation interval,
    /// with the clock its options carry; the same test asked first spares every request in between the cost of
    /// building the validator (sign-in manager, user manager and their dependencies) just to learn it has nothing to do.
    /// </summary>
    internal static bool SecurityStampCheckDue(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return context.Properties.IssuedUtc is not { } issued || now - issued > options.ValidationInterval;
    }

    /// <summary>The path and query of an address (absolute or not), always starting with a single "/".</summary>
    internal static string LocalPart(string address)
    {
        var local = Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.PathAndQuery
            : address;
        return local.StartsWith('/') && !local.StartsWith("//", StringComparison.Ordinal) && !local.StartsWith("/\\", StringComparison.Ordinal) ? local : "/";
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        // The handler builds an absolute address from the request's Host header: only its path and query are
        // used, so no Host header can send anyone to another site.
        context.Response.Redirect(LocalPart(context.RedirectUri));
        return Task.CompletedTask;
    }
}

public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString);
