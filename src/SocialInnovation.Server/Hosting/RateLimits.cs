using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;

namespace SocialInnovation.Server.Hosting;

/// <summary>
/// How fast one client may call, per node. Every write under /api (POST, PUT, PATCH, DELETE) counts
/// against its caller: the signed-in person, or else the client's address. Sign-in, invite use and
/// public forms have tighter limits of their own per address; an endpoint opts in with
/// <see cref="SignInAttempts{TBuilder}"/>, <see cref="InviteUse{TBuilder}"/> or
/// <see cref="PublicForm{TBuilder}"/>. A refusal is a 429 problem with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Invites = "invites";
    public const string PublicForms = "public-forms";
    public const string Audience = "audience-votes";

    public static TBuilder SignInAttempts<TBuilder>(this TBuilder b) where TBuilder : IEndpointConventionBuilder => b.RequireRateLimiting(SignIn);
    public static TBuilder InviteUse<TBuilder>(this TBuilder b) where TBuilder : IEndpointConventionBuilder => b.RequireRateLimiting(Invites);
    public static TBuilder PublicForm<TBuilder>(this TBuilder b) where TBuilder : IEndpointConventionBuilder => b.RequireRateLimiting(PublicForms);

    /// <summary>
    /// Audience votes: a whole hall votes within seconds, often behind one venue address, so they have a
    /// generous limit of their own per address instead of the general one for writes.
    /// </summary>
    public static TBuilder AudienceVotes<TBuilder>(this TBuilder b) where TBuilder : IEndpointConventionBuilder =>
        b.RequireRateLimiting(Audience).WithMetadata(new OwnWriteLimit());

    public static void AddRateLimits(this IServiceCollection services, RateLimitSettings limits)
    {
        services.AddSingleton(limits);
        services.AddSingleton<SignInBackoff>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (rejected, _) => new ValueTask(TooMany(rejected.HttpContext,
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1)).ExecuteAsync(rejected.HttpContext));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                limits.Enabled && IsApiWrite(http.Request) && http.GetEndpoint()?.Metadata.GetMetadata<OwnWriteLimit>() is null
                    ? RateLimitPartition.GetTokenBucketLimiter($"writes:{Caller(http)}", _ => Bucket(limits.Writes))
                    : RateLimitPartition.GetNoLimiter(""));
            AddPerAddress(o, SignIn, limits.SignIn, limits.Enabled);
            AddPerAddress(o, Invites, limits.Invites, limits.Enabled);
            AddPerAddress(o, PublicForms, limits.PublicForms, limits.Enabled);
            AddPerAddress(o, Audience, limits.AudienceVotes, limits.Enabled);
        });
    }

    /// <summary>The 429 problem every limit answers with, Retry-After in whole seconds.</summary>
    public static Refusal TooMany(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Status(StatusCodes.Status429TooManyRequests, "rate.limited",
            $"Too many requests. Try again in {seconds} s.");
    }

    /// <summary>
    /// The client's address as a partition key: an IPv6 client is its /64, since one subscriber holds
    /// a whole /64 and could otherwise rotate through it.
    /// </summary>
    public static string Address(HttpContext http)
    {
        var ip = http.Connection.RemoteIpAddress;
        if (ip is null) return "unknown";
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return ip.ToString();
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static string Caller(HttpContext http) => http.User.PersonId() is { } id ? $"person:{id:N}" : $"ip:{Address(http)}";

    private static bool IsApiWrite(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method);

    private static void AddPerAddress(RateLimiterOptions o, string policy, RateLimit limit, bool enabled) =>
        o.AddPolicy(policy, http => enabled
            ? RateLimitPartition.GetTokenBucketLimiter($"{policy}:{Address(http)}", _ => Bucket(limit))
            : RateLimitPartition.GetNoLimiter(""));

    /// <summary>A full bucket of <c>Permits</c> that refills in tenths over the window: bursts are fine, a steady flood is not.</summary>
    private static TokenBucketRateLimiterOptions Bucket(RateLimit limit) => new()
    {
        TokenLimit = limit.Permits,
        TokensPerPeriod = Math.Max(1, limit.Permits / 10),
        ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds) / 10.0),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>Marks an endpoint whose writes are limited by a policy of their own instead of the general one.</summary>
public sealed record OwnWriteLimit;

/// <param name="Permits">Requests one caller may make in a burst, and per window.</param>
/// <param name="WindowSeconds">The window over which the permits refill.</param>
public sealed record RateLimit(int Permits, int WindowSeconds);

/// <summary>The limits, from <c>RateLimits:*</c> (the README's configuration table lists them).</summary>
/// <remarks><c>Enabled</c> is false only for measuring the platform itself (deploy/bench.sh): no limits, no backoff.</remarks>
public sealed record RateLimitSettings(
    bool Enabled,
    RateLimit SignIn,
    RateLimit Invites,
    RateLimit PublicForms,
    RateLimit Writes,
    int SignInFailuresBeforeBackoff,
    int SignInBackoffMaxSeconds,
    RateLimit AudienceVotes)
{
    public static RateLimitSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("RateLimits");
        RateLimit Read(string name, int permits, int windowSeconds) => new(
            section.GetValue($"{name}:Permits", permits), section.GetValue($"{name}:WindowSeconds", windowSeconds));
        return new(
            section.GetValue("Enabled", true),
            // Organizer-key sign-in: a person types the key a few times at most.
            Read("SignIn", 10, 60),
            // Invite preview + redeem: a room of 60 joining at once behind one Wi-Fi address.
            Read("Invites", 120, 60),
            // Public forms (applications): one address sends a handful.
            Read("PublicForms", 20, 60),
            // Every write, per signed-in person (or address).
            Read("Writes", 300, 60),
            section.GetValue("SignInFailuresBeforeBackoff", 5),
            section.GetValue("SignInBackoffMaxSeconds", 900),
            // Audience votes per address: a hall of a few hundred behind one venue Wi-Fi, each voting and changing their mind.
            Read("AudienceVotes", 3000, 60));
    }
}
