using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.Grains.Applications;
using SocialInnovation.People;
using SocialInnovation.Selection;
using SocialInnovation.Teams;

namespace SocialInnovation.Server.Teams;

/// <summary>
/// What team formation knows of a camp's participants. A participant who came in through an accepted
/// application is the person <see cref="ApplicationIds.PersonFor"/> of that application, so their country,
/// skills and languages are the application's (as the selection grain lists it). Participants who came
/// in by an invite link have no application: they have a name and nothing else to mix by.
/// </summary>
public static class ParticipantProfiles
{
    public static async Task<IReadOnlyList<ParticipantProfile>> Load(IGrainFactory grains, Guid campId)
    {
        var members = await grains.GetGrain<ICampGrain>(campId).GetMembers();
        var participants = members.Where(m => m.Role == CampRole.Participant).ToList();
        if (participants.Count == 0) return [];
        var applications = await FromApplications(grains, campId);
        return participants
            .Select(m => applications.TryGetValue(m.PersonId, out var row)
                ? new ParticipantProfile(m.PersonId, m.Name, row.Country, row.Skills, row.Languages)
                : new ParticipantProfile(m.PersonId, m.Name, null, [], []))
            .ToList();
    }

    /// <summary>The profiles of some people of the camp (a team's members), from their applications where they have one.</summary>
    public static async Task<IReadOnlyList<ParticipantProfile>> Of(IGrainFactory grains, Guid campId, IEnumerable<(Guid PersonId, string Name)> people)
    {
        var applications = await FromApplications(grains, campId);
        return people.Select(p => applications.TryGetValue(p.PersonId, out var row)
            ? new ParticipantProfile(p.PersonId, p.Name, row.Country, row.Skills, row.Languages)
            : new ParticipantProfile(p.PersonId, p.Name, null, [], [])).ToList();
    }

    private static async Task<Dictionary<Guid, ApplicationRow>> FromApplications(IGrainFactory grains, Guid campId)
    {
        var confirmed = await grains.GetGrain<ISelectionGrain>(campId).List(new SelectionFilter(Status: ApplicationStatus.Confirmed));
        return confirmed.ToDictionary(e => ApplicationIds.PersonFor(e.Application.ApplicationId), e => e.Application);
    }
}
