using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Camps;

namespace SocialInnovation.Server.Live;

/// <summary>
/// The one SignalR hub. Browsers watch camps here; changes are made over HTTP. Each method's access
/// rule is enforced by <see cref="HubAccessFilter"/> before it runs.
/// </summary>
[Authorize]
public sealed class CampHub(IGrainFactory grains, IValidator<CatchUpQuery> catchUpRules) : Hub<ICampClient>
{
    /// <summary>
    /// Starts (or resumes) watching a camp: joins its group first, then returns what the caller missed
    /// after <paramref name="afterSeq"/>, or a snapshot. An event that lands between the two arrives
    /// twice at most, and the client drops the copy by its sequence number.
    /// </summary>
    [CampAccess]
    public async Task<HubReply<CampCatchUp>> WatchCamp(Guid campId, long? afterSeq)
    {
        if (catchUpRules.Validate(new CatchUpQuery(afterSeq)) is { IsValid: false } invalid)
            return HubReply<CampCatchUp>.Fail(DomainError.Invalid(invalid));
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Camp(campId));
        return HubReply<CampCatchUp>.From(await grains.GetGrain<ICampGrain>(campId).GetEventsAfter(afterSeq));
    }

    [CampAccess]
    public async Task<HubReply<bool>> UnwatchCamp(Guid campId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Camp(campId));
        return new HubReply<bool>(true, true, null);
    }
}
