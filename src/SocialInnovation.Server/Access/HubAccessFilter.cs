using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using SocialInnovation.Server.Live;

namespace SocialInnovation.Server.Access;

/// <summary>
/// Enforces <see cref="CampAccessAttribute"/> on hub methods, taking the camp id from the first
/// argument. A refusal is answered as a typed <see cref="HubReply{T}"/> error; a method without a rule
/// is refused.
/// </summary>
public sealed class HubAccessFilter(AccessCheck access) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var rule = context.HubMethod.GetCustomAttribute<CampAccessAttribute>()?.Rule;
        var campId = context.HubMethodArguments.Count > 0 ? context.HubMethodArguments[0] as Guid? : null;
        var outcome = await access.Check(context.Context.User!, rule, campId);
        return outcome.Error is { } refused ? HubReply<object>.Fail(refused) : await next(context);
    }
}
