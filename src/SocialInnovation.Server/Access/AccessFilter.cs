using SocialInnovation.Common;
using SocialInnovation.Server.Common;

namespace SocialInnovation.Server.Access;

/// <summary>Enforces each API endpoint's <see cref="Access"/> rule; the checked caller goes into the request's items.</summary>
public sealed class AccessFilter(AccessCheck access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var rule = http.GetEndpoint()?.Metadata.GetMetadata<Access>();
        Guid? campId = http.Request.RouteValues.TryGetValue("campId", out var raw) && Guid.TryParse(raw?.ToString(), out var id) ? id : null;

        Guid? teamId = http.Request.RouteValues.TryGetValue("teamId", out var rawTeam) && Guid.TryParse(rawTeam?.ToString(), out var team) ? team : null;

        var outcome = await access.Check(http.User, rule, campId, teamId);
        if (outcome.Error is { } refused) return Problems.From(refused);
        http.Items[typeof(Caller)] = outcome.Value;
        return await next(context);
    }
}

public static class AccessEndpoints
{
    public static TBuilder Anyone<TBuilder>(this TBuilder b) where TBuilder : IEndpointConventionBuilder => b.WithMetadata(new Access.Anyone());
    public static TBuilder SignedIn<TBuilder>(this TBuilder b) where TBuilder : IEndpointConventionBuilder => b.WithMetadata(new Access.SignedIn());
    public static TBuilder PlatformOrganizer<TBuilder>(this TBuilder b) where TBuilder : IEndpointConventionBuilder => b.WithMetadata(new Access.PlatformOrganizer());

    public static TBuilder InCamp<TBuilder>(this TBuilder b, params People.CampRole[] roles) where TBuilder : IEndpointConventionBuilder =>
        b.WithMetadata(new Access.InCamp(roles.Length == 0 ? Access.AnyRole : roles.ToHashSet()));

    /// <summary>A participant of the route's team, or a camp member in one of <paramref name="anyTeam"/>.</summary>
    public static TBuilder InTeam<TBuilder>(this TBuilder b, params People.CampRole[] anyTeam) where TBuilder : IEndpointConventionBuilder =>
        b.WithMetadata(new Access.InTeam(anyTeam.ToHashSet()));

    /// <summary>The caller that <see cref="AccessFilter"/> checked for this request.</summary>
    public static Caller Caller(this HttpContext http) => (Caller)http.Items[typeof(Caller)]!;
}
