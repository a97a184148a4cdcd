using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace SocialInnovation.Server.Access;

/// <summary>
/// Reads a sign-in cookie once a minute instead of on every request: the cookie's ticket is decrypted and
/// deserialized by data protection (3.8 % of the server's CPU in a profile of the boards benchmark, where a
/// mover sends a move a second with the same cookie), so the ticket a cookie decrypted to is remembered for
/// <see cref="Kept"/> and each request gets its own copy of it.
/// </summary>
/// <remarks>
/// Nothing a cookie is checked for is skipped: the ticket's expiry is checked by the cookie handler on every
/// request, and its session (signed out here, elsewhere or everywhere) by <see cref="Session.SessionCheck"/>.
/// Only a cookie that decrypted is remembered, so random cookies fill nothing; a cookie that no longer
/// decrypts (its key revoked) is still accepted for at most <see cref="Kept"/>.
/// </remarks>
public sealed class RememberedTickets(ISecureDataFormat<AuthenticationTicket> inner, IMemoryCache cache) : ISecureDataFormat<AuthenticationTicket>
{
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null) return null;
        var key = ("ticket", protectedText, purpose);
        if (!cache.TryGetValue(key, out AuthenticationTicket? ticket))
        {
            ticket = inner.Unprotect(protectedText, purpose);
            if (ticket is null) return null;
            cache.Set(key, ticket, Kept);
        }
        // A copy, identities and properties included: the handler and the session check may replace or change a request's principal and properties.
        return ticket!.Clone();
    }
}
