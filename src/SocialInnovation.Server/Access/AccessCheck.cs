using System.Security.Claims;
using SocialInnovation.Common;
using SocialInnovation.People;
using SocialInnovation.Teams;
using SocialInnovation.Server.Live;
using StreamId = SocialInnovation.Live.StreamId;

namespace SocialInnovation.Server.Access;

/// <summary>
/// The one place that decides whether a caller may do something. HTTP and the hub both ask it, so
/// their answers cannot drift apart. A caller's role comes from their person's grain until the grain
/// has answered one, which never changes and is then remembered on this node (<see cref="KnownFacts"/>);
/// "not a member" is asked every time, since it can change with an invite. While the grain cannot be
/// reached (its silo just died) its last answer stands in (<see cref="LastKnown"/>).
/// </summary>
public sealed class AccessCheck(IGrainFactory grains, StreamKinds streams, LastKnown lastKnown, KnownFacts known)
{
    public static readonly DomainError NotSignedIn = new(ErrorKind.Unauthenticated, "access.signed-out", "Sign in first.");

    public static readonly DomainError MalformedStream = new(ErrorKind.Invalid, "stream.malformed",
        "A stream is named <kind>:<camp id as 32 hex digits>[:<id>].");

    public static readonly DomainError UnknownStream = DomainError.NotFound("stream.unknown", "There is no such kind of stream.");

    /// <summary>
    /// Whether the caller may watch the stream <paramref name="name"/>: a role its kind allows in the
    /// camp the stream belongs to (taken from the stream's own name, never from another argument), then
    /// the kind's own check.
    /// </summary>
    public async Task<Outcome<Caller>> CheckStream(ClaimsPrincipal user, string? name)
    {
        if (user.PersonId() is null) return NotSignedIn;
        if (!StreamId.TryParse(name, out _)) return MalformedStream;
        if (streams.Resolve(name) is not var (stream, kind)) return UnknownStream;
        var checkedCaller = await Check(user, new Access.InCamp(kind.Roles), stream.CampId);
        if (checkedCaller.Error is not null) return checkedCaller;
        return await kind.Authorize(stream, checkedCaller.Value!) is { } refused ? refused : checkedCaller;
    }

    public async Task<Outcome<Caller>> Check(ClaimsPrincipal user, Access? rule, Guid? campId, Guid? teamId = null)
    {
        if (rule is Access.Anyone) return new Caller(user.PersonId() ?? Guid.Empty, user.Identity?.Name ?? "", null, null);
        if (user.PersonId() is not { } personId) return NotSignedIn;

        // Made only when asked: a known role needs no grain (and a grain reference costs a reflection lookup in Orleans).
        IPersonGrain Person() => grains.GetGrain<IPersonGrain>(personId);
        switch (rule)
        {
            case Access.SignedIn:
                return new Caller(personId, user.Identity?.Name ?? "", null, null);
            case Access.PlatformOrganizer:
                return await Person().GetProfile() is { IsPlatformOrganizer: true } profile
                    ? new Caller(personId, profile.Name, null, null)
                    : Refused("access.platform-organizer", "Only the platform organizer may do this.");
            case Access.InCamp inCamp when campId is { } id:
                var role = await Role(Person, personId, id);
                if (role is null)
                    // Not telling a non-member whether the camp exists.
                    return DomainError.NotFound("camp.unknown", "There is no such camp, or you are not part of it.");
                return inCamp.Roles.Contains(role.Value)
                    ? new Caller(personId, user.Identity?.Name ?? "", id, role)
                    : Refused("access.role", $"A {role} of this camp may not do this.");
            case Access.InTeam inTeam when campId is { } id && teamId is { } team:
                var roleInCamp = await Role(Person, personId, id);
                if (roleInCamp is null)
                    return DomainError.NotFound("camp.unknown", "There is no such camp, or you are not part of it.");
                if (inTeam.AnyTeam.Contains(roleInCamp.Value)
                    || roleInCamp == CampRole.Participant && await grains.GetGrain<ITeamGrain>(team).IsMember(id, personId))
                    return new Caller(personId, user.Identity?.Name ?? "", id, roleInCamp);
                return Refused("access.team", "Only the members of this team may do this.");
            default:
                // No rule, or a camp rule without a camp: refuse rather than guess.
                return Refused("access.undeclared", "This operation declares no access rule.");
        }
    }

    private ValueTask<CampRole?> Role(Func<IPersonGrain> person, Guid personId, Guid campId) =>
        known.Ask(("role", personId, campId), () => lastKnown.Ask(("role", personId, campId), () => person().GetRole(campId)));

    private static DomainError Refused(string code, string detail) => new(ErrorKind.Forbidden, code, detail);
}
