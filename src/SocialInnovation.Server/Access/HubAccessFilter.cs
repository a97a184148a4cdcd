using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using SocialInnovation.Common;
using SocialInnovation.Server.Live;

namespace SocialInnovation.Server.Access;

/// <summary>
/// Enforces each hub method's rule: <see cref="StreamAccessAttribute"/> (the first argument names a
/// stream) or <see cref="CampAccessAttribute"/> (the first argument is a camp id). A refusal is answered
/// as a typed <see cref="HubReply{T}"/> error; a method without a rule is refused. A failure of the
/// server itself (a grain on a silo that is going down, storage not answering) is answered as a
/// retryable error, so the client tries again instead of giving up or waiting for a reconnect that
/// will not come.
/// </summary>
public sealed class HubAccessFilter(AccessCheck access, Session.SessionCheck sessions, ILogger<HubAccessFilter> log) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            // The connection's cookie was checked when it connected; a sign-out since then ends its calls too.
            if (!await sessions.IsLive(context.Context.User!)) return HubReply<object>.Fail(AccessCheck.NotSignedIn);
            var outcome = await Check(context);
            return outcome.Error is { } refused ? HubReply<object>.Fail(refused) : await next(context);
        }
        catch (Exception ex) when (ex is not HubException && !context.Context.ConnectionAborted.IsCancellationRequested)
        {
            log.LogWarning(ex, "Hub method {Method} failed; answered as retryable", context.HubMethodName);
            return HubReply<object>.Fail(DomainError.Unavailable);
        }
    }

    private Task<Outcome<Caller>> Check(HubInvocationContext context)
    {
        var first = context.HubMethodArguments.Count > 0 ? context.HubMethodArguments[0] : null;
        var user = context.Context.User!;
        if (context.HubMethod.GetCustomAttribute<StreamAccessAttribute>() is not null)
            return access.CheckStream(user, first as string);
        return access.Check(user, context.HubMethod.GetCustomAttribute<CampAccessAttribute>()?.Rule, first as Guid?);
    }
}
