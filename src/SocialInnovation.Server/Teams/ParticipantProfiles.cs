using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.Grains.Applications;
using SocialInnovation.People;
using SocialInnovation.Selection;
using SocialInnovation.Teams;

namespace SocialInnovation.Server.Teams;

/// <summary>
/// What team formation knows of a camp's participants: the country, skills and languages each one saved
/// on their camp profile (<see cref="SkillProfile"/>, kept on the person) and, for those who never did,
/// their accepted application's. A participant who came in through an application is the person
/// <see cref="ApplicationIds.PersonFor"/> of that application. Someone who joined by an invite link and
/// saved no profile has a name and nothing else to mix by.
/// </summary>
public static class ParticipantProfiles
{
    /// <summary>Person grains asked at once: a camp of 1,000 is read in a few rounds without flooding the silo.</summary>
    private const int ReadAtOnce = 64;

    public static async Task<IReadOnlyList<ParticipantProfile>> Load(IGrainFactory grains, Guid campId)
    {
        var members = await grains.GetGrain<ICampGrain>(campId).GetMembers();
        var participants = members.Where(m => m.Role == CampRole.Participant).Select(m => (m.PersonId, m.Name)).ToList();
        return participants.Count == 0 ? [] : await Of(grains, campId, participants);
    }

    /// <summary>The profiles of some people of the camp (a team's members).</summary>
    public static async Task<IReadOnlyList<ParticipantProfile>> Of(IGrainFactory grains, Guid campId, IEnumerable<(Guid PersonId, string Name)> people)
    {
        var list = people.ToList();
        var applications = await FromApplications(grains, campId);
        var profiles = new List<ParticipantProfile>(list.Count);
        foreach (var batch in list.Chunk(ReadAtOnce))
        {
            var own = await Task.WhenAll(batch.Select(p => grains.GetGrain<IPersonGrain>(p.PersonId).GetSkills()));
            profiles.AddRange(batch.Select((p, i) => Profile(p.PersonId, p.Name, own[i], applications.GetValueOrDefault(p.PersonId))));
        }
        return profiles;
    }

    /// <summary>One person's profile in the camp: their own when saved, else their application's, else empty.</summary>
    public static async Task<ParticipantProfile> OfPerson(IGrainFactory grains, Guid campId, Guid personId, string name) =>
        (await Of(grains, campId, [(personId, name)]))[0];

    private static ParticipantProfile Profile(Guid personId, string name, SkillProfile own, ApplicationRow? application) =>
        own.Version > 0 ? new ParticipantProfile(personId, name, own.Country, own.Skills, own.Languages)
        : application is not null ? new ParticipantProfile(personId, name, application.Country, application.Skills, application.Languages)
        : new ParticipantProfile(personId, name, null, [], []);

    private static async Task<Dictionary<Guid, ApplicationRow>> FromApplications(IGrainFactory grains, Guid campId)
    {
        var confirmed = await grains.GetGrain<ISelectionGrain>(campId).List(new SelectionFilter(Status: ApplicationStatus.Confirmed));
        return confirmed.ToDictionary(e => ApplicationIds.PersonFor(e.Application.ApplicationId), e => e.Application);
    }
}
