using Microsoft.AspNetCore.Diagnostics;
using SocialInnovation.Common;

namespace SocialInnovation.Server.Common;

/// <summary>
/// An unexpected failure while answering a request (a grain on a silo that is going down, storage not
/// answering) is answered as 503 with <c>Retry-After</c> and the <c>server.unavailable</c> code: the
/// request was not refused, and every write carries an idempotency key, so the client sends it again.
/// </summary>
public sealed class ServerFailures(ILogger<ServerFailures> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (http.RequestAborted.IsCancellationRequested) return false;
        log.LogWarning(exception, "{Method} {Path} failed; answered 503", http.Request.Method, http.Request.Path);
        await Problems.From(DomainError.Unavailable).ExecuteAsync(http);
        return true;
    }
}
