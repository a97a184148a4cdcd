using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using SocialInnovation.Server.Access;

namespace SocialInnovation.Server.Tests.Access;

/// <summary>
/// A cookie is decrypted once and its ticket remembered; every request still gets a ticket of its own (the
/// cookie handler and the session check may change it), and a cookie that does not decrypt is never remembered.
/// (That a remembered ticket never revives a signed-out session is <c>SessionTests</c>' job: they sign out
/// and send the same cookie again.)
/// </summary>
public sealed class RememberedTicketsTests
{
    private readonly Format _inner = new();
    private readonly RememberedTickets _tickets;

    public RememberedTicketsTests() => _tickets = new RememberedTickets(_inner, new MemoryCache(new MemoryCacheOptions()));

    [Fact]
    public void A_cookie_is_decrypted_once_and_each_request_gets_its_own_copy_of_its_ticket()
    {
        var first = _tickets.Unprotect("cookie-a")!;
        first.Principal.Identities.First().AddClaim(new Claim("changed", "by this request"));
        first.Properties.Items["changed"] = "by this request";

        var second = _tickets.Unprotect("cookie-a")!;

        Assert.Equal(1, _inner.Reads);
        Assert.NotSame(first, second);
        Assert.Equal("person-a", second.Principal.FindFirstValue("sub"));
        Assert.Null(second.Principal.FindFirst("changed"));
        Assert.False(second.Properties.Items.ContainsKey("changed"));
        Assert.Equal(first.Properties.ExpiresUtc, second.Properties.ExpiresUtc);
    }

    [Fact]
    public void A_cookie_that_does_not_decrypt_is_asked_every_time_and_other_cookies_are_their_own()
    {
        Assert.Null(_tickets.Unprotect("forged"));
        Assert.Null(_tickets.Unprotect("forged"));
        Assert.Null(_tickets.Unprotect(null));
        Assert.Equal(2, _inner.Reads);

        Assert.Equal("person-b", _tickets.Unprotect("cookie-b")!.Principal.FindFirstValue("sub"));
        Assert.Equal("person-a", _tickets.Unprotect("cookie-a")!.Principal.FindFirstValue("sub"));
    }

    private sealed class Format : ISecureDataFormat<AuthenticationTicket>
    {
        public int Reads;

        public string Protect(AuthenticationTicket data) => throw new NotSupportedException();
        public string Protect(AuthenticationTicket data, string? purpose) => throw new NotSupportedException();
        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Reads++;
            if (protectedText is not ("cookie-a" or "cookie-b")) return null;
            var person = protectedText == "cookie-a" ? "person-a" : "person-b";
            return new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", person)], "Cookies")),
                new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddDays(30) }, "Cookies");
        }
    }
}
